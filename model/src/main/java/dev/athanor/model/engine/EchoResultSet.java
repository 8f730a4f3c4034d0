package dev.athanor.model.engine;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * A result set that counts the rows read and reports when the result ends or closes, for the echo log.
 *
 * <p>A plain delegating class rather than a dynamic proxy: grids read every cell through it, and direct calls
 * cost next to nothing where reflective ones would show on large results.
 */
@SuppressWarnings("deprecation")
final class EchoResultSet implements ResultSet {

    /** Told how many rows were read: the full count at the end, or -1 when closed before the end. */
    interface Ending {
        void ended(long rows);
    }

    private final ResultSet target;
    private final Statement statement;
    private final Ending ending;
    private long rows;

    EchoResultSet(ResultSet target, Statement statement, Ending ending) {
        this.target = target;
        this.statement = statement;
        this.ending = ending;
    }

    @Override
    public boolean next() throws SQLException {
        var more = target.next();
        if (more) {
            rows++;
        } else {
            ending.ended(rows);
        }
        return more;
    }

    @Override
    public void close() throws SQLException {
        try {
            target.close();
        } finally {
            ending.ended(-1);
        }
    }

    @Override
    public Statement getStatement() {
        return statement;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target.isWrapperFor(iface);
    }

    @Override
    public boolean wasNull() throws SQLException {
        return target.wasNull();
    }

    @Override
    public String getString(int column) throws SQLException {
        return target.getString(column);
    }

    @Override
    public boolean getBoolean(int column) throws SQLException {
        return target.getBoolean(column);
    }

    @Override
    public byte getByte(int column) throws SQLException {
        return target.getByte(column);
    }

    @Override
    public short getShort(int column) throws SQLException {
        return target.getShort(column);
    }

    @Override
    public int getInt(int column) throws SQLException {
        return target.getInt(column);
    }

    @Override
    public long getLong(int column) throws SQLException {
        return target.getLong(column);
    }

    @Override
    public float getFloat(int column) throws SQLException {
        return target.getFloat(column);
    }

    @Override
    public double getDouble(int column) throws SQLException {
        return target.getDouble(column);
    }

    @Deprecated
    @Override
    public BigDecimal getBigDecimal(int column, int arg1) throws SQLException {
        return target.getBigDecimal(column, arg1);
    }

    @Override
    public byte[] getBytes(int column) throws SQLException {
        return target.getBytes(column);
    }

    @Override
    public Date getDate(int column) throws SQLException {
        return target.getDate(column);
    }

    @Override
    public Time getTime(int column) throws SQLException {
        return target.getTime(column);
    }

    @Override
    public Timestamp getTimestamp(int column) throws SQLException {
        return target.getTimestamp(column);
    }

    @Override
    public InputStream getAsciiStream(int column) throws SQLException {
        return target.getAsciiStream(column);
    }

    @Deprecated
    @Override
    public InputStream getUnicodeStream(int column) throws SQLException {
        return target.getUnicodeStream(column);
    }

    @Override
    public InputStream getBinaryStream(int column) throws SQLException {
        return target.getBinaryStream(column);
    }

    @Override
    public String getString(String label) throws SQLException {
        return target.getString(label);
    }

    @Override
    public boolean getBoolean(String label) throws SQLException {
        return target.getBoolean(label);
    }

    @Override
    public byte getByte(String label) throws SQLException {
        return target.getByte(label);
    }

    @Override
    public short getShort(String label) throws SQLException {
        return target.getShort(label);
    }

    @Override
    public int getInt(String label) throws SQLException {
        return target.getInt(label);
    }

    @Override
    public long getLong(String label) throws SQLException {
        return target.getLong(label);
    }

    @Override
    public float getFloat(String label) throws SQLException {
        return target.getFloat(label);
    }

    @Override
    public double getDouble(String label) throws SQLException {
        return target.getDouble(label);
    }

    @Deprecated
    @Override
    public BigDecimal getBigDecimal(String label, int arg1) throws SQLException {
        return target.getBigDecimal(label, arg1);
    }

    @Override
    public byte[] getBytes(String label) throws SQLException {
        return target.getBytes(label);
    }

    @Override
    public Date getDate(String label) throws SQLException {
        return target.getDate(label);
    }

    @Override
    public Time getTime(String label) throws SQLException {
        return target.getTime(label);
    }

    @Override
    public Timestamp getTimestamp(String label) throws SQLException {
        return target.getTimestamp(label);
    }

    @Override
    public InputStream getAsciiStream(String label) throws SQLException {
        return target.getAsciiStream(label);
    }

    @Deprecated
    @Override
    public InputStream getUnicodeStream(String label) throws SQLException {
        return target.getUnicodeStream(label);
    }

    @Override
    public InputStream getBinaryStream(String label) throws SQLException {
        return target.getBinaryStream(label);
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return target.getWarnings();
    }

    @Override
    public void clearWarnings() throws SQLException {
        target.clearWarnings();
    }

    @Override
    public String getCursorName() throws SQLException {
        return target.getCursorName();
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return target.getMetaData();
    }

    @Override
    public Object getObject(int column) throws SQLException {
        return target.getObject(column);
    }

    @Override
    public Object getObject(String label) throws SQLException {
        return target.getObject(label);
    }

    @Override
    public int findColumn(String label) throws SQLException {
        return target.findColumn(label);
    }

    @Override
    public Reader getCharacterStream(int column) throws SQLException {
        return target.getCharacterStream(column);
    }

    @Override
    public Reader getCharacterStream(String label) throws SQLException {
        return target.getCharacterStream(label);
    }

    @Override
    public BigDecimal getBigDecimal(int column) throws SQLException {
        return target.getBigDecimal(column);
    }

    @Override
    public BigDecimal getBigDecimal(String label) throws SQLException {
        return target.getBigDecimal(label);
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        return target.isBeforeFirst();
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        return target.isAfterLast();
    }

    @Override
    public boolean isFirst() throws SQLException {
        return target.isFirst();
    }

    @Override
    public boolean isLast() throws SQLException {
        return target.isLast();
    }

    @Override
    public void beforeFirst() throws SQLException {
        target.beforeFirst();
    }

    @Override
    public void afterLast() throws SQLException {
        target.afterLast();
    }

    @Override
    public boolean first() throws SQLException {
        return target.first();
    }

    @Override
    public boolean last() throws SQLException {
        return target.last();
    }

    @Override
    public int getRow() throws SQLException {
        return target.getRow();
    }

    @Override
    public boolean absolute(int row) throws SQLException {
        return target.absolute(row);
    }

    @Override
    public boolean relative(int rows) throws SQLException {
        return target.relative(rows);
    }

    @Override
    public boolean previous() throws SQLException {
        return target.previous();
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        target.setFetchDirection(direction);
    }

    @Override
    public int getFetchDirection() throws SQLException {
        return target.getFetchDirection();
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        target.setFetchSize(rows);
    }

    @Override
    public int getFetchSize() throws SQLException {
        return target.getFetchSize();
    }

    @Override
    public int getType() throws SQLException {
        return target.getType();
    }

    @Override
    public int getConcurrency() throws SQLException {
        return target.getConcurrency();
    }

    @Override
    public boolean rowUpdated() throws SQLException {
        return target.rowUpdated();
    }

    @Override
    public boolean rowInserted() throws SQLException {
        return target.rowInserted();
    }

    @Override
    public boolean rowDeleted() throws SQLException {
        return target.rowDeleted();
    }

    @Override
    public void updateNull(int column) throws SQLException {
        target.updateNull(column);
    }

    @Override
    public void updateBoolean(int column, boolean arg1) throws SQLException {
        target.updateBoolean(column, arg1);
    }

    @Override
    public void updateByte(int column, byte arg1) throws SQLException {
        target.updateByte(column, arg1);
    }

    @Override
    public void updateShort(int column, short arg1) throws SQLException {
        target.updateShort(column, arg1);
    }

    @Override
    public void updateInt(int column, int arg1) throws SQLException {
        target.updateInt(column, arg1);
    }

    @Override
    public void updateLong(int column, long arg1) throws SQLException {
        target.updateLong(column, arg1);
    }

    @Override
    public void updateFloat(int column, float arg1) throws SQLException {
        target.updateFloat(column, arg1);
    }

    @Override
    public void updateDouble(int column, double arg1) throws SQLException {
        target.updateDouble(column, arg1);
    }

    @Override
    public void updateBigDecimal(int column, BigDecimal arg1) throws SQLException {
        target.updateBigDecimal(column, arg1);
    }

    @Override
    public void updateString(int column, String arg1) throws SQLException {
        target.updateString(column, arg1);
    }

    @Override
    public void updateBytes(int column, byte[] arg1) throws SQLException {
        target.updateBytes(column, arg1);
    }

    @Override
    public void updateDate(int column, Date arg1) throws SQLException {
        target.updateDate(column, arg1);
    }

    @Override
    public void updateTime(int column, Time arg1) throws SQLException {
        target.updateTime(column, arg1);
    }

    @Override
    public void updateTimestamp(int column, Timestamp arg1) throws SQLException {
        target.updateTimestamp(column, arg1);
    }

    @Override
    public void updateAsciiStream(int column, InputStream arg1, int arg2) throws SQLException {
        target.updateAsciiStream(column, arg1, arg2);
    }

    @Override
    public void updateBinaryStream(int column, InputStream arg1, int arg2) throws SQLException {
        target.updateBinaryStream(column, arg1, arg2);
    }

    @Override
    public void updateCharacterStream(int column, Reader arg1, int arg2) throws SQLException {
        target.updateCharacterStream(column, arg1, arg2);
    }

    @Override
    public void updateObject(int column, Object arg1, int arg2) throws SQLException {
        target.updateObject(column, arg1, arg2);
    }

    @Override
    public void updateObject(int column, Object arg1) throws SQLException {
        target.updateObject(column, arg1);
    }

    @Override
    public void updateNull(String label) throws SQLException {
        target.updateNull(label);
    }

    @Override
    public void updateBoolean(String label, boolean arg1) throws SQLException {
        target.updateBoolean(label, arg1);
    }

    @Override
    public void updateByte(String label, byte arg1) throws SQLException {
        target.updateByte(label, arg1);
    }

    @Override
    public void updateShort(String label, short arg1) throws SQLException {
        target.updateShort(label, arg1);
    }

    @Override
    public void updateInt(String label, int arg1) throws SQLException {
        target.updateInt(label, arg1);
    }

    @Override
    public void updateLong(String label, long arg1) throws SQLException {
        target.updateLong(label, arg1);
    }

    @Override
    public void updateFloat(String label, float arg1) throws SQLException {
        target.updateFloat(label, arg1);
    }

    @Override
    public void updateDouble(String label, double arg1) throws SQLException {
        target.updateDouble(label, arg1);
    }

    @Override
    public void updateBigDecimal(String label, BigDecimal arg1) throws SQLException {
        target.updateBigDecimal(label, arg1);
    }

    @Override
    public void updateString(String label, String arg1) throws SQLException {
        target.updateString(label, arg1);
    }

    @Override
    public void updateBytes(String label, byte[] arg1) throws SQLException {
        target.updateBytes(label, arg1);
    }

    @Override
    public void updateDate(String label, Date arg1) throws SQLException {
        target.updateDate(label, arg1);
    }

    @Override
    public void updateTime(String label, Time arg1) throws SQLException {
        target.updateTime(label, arg1);
    }

    @Override
    public void updateTimestamp(String label, Timestamp arg1) throws SQLException {
        target.updateTimestamp(label, arg1);
    }

    @Override
    public void updateAsciiStream(String label, InputStream arg1, int arg2) throws SQLException {
        target.updateAsciiStream(label, arg1, arg2);
    }

    @Override
    public void updateBinaryStream(String label, InputStream arg1, int arg2) throws SQLException {
        target.updateBinaryStream(label, arg1, arg2);
    }

    @Override
    public void updateCharacterStream(String label, Reader arg1, int arg2) throws SQLException {
        target.updateCharacterStream(label, arg1, arg2);
    }

    @Override
    public void updateObject(String label, Object arg1, int arg2) throws SQLException {
        target.updateObject(label, arg1, arg2);
    }

    @Override
    public void updateObject(String label, Object arg1) throws SQLException {
        target.updateObject(label, arg1);
    }

    @Override
    public void insertRow() throws SQLException {
        target.insertRow();
    }

    @Override
    public void updateRow() throws SQLException {
        target.updateRow();
    }

    @Override
    public void deleteRow() throws SQLException {
        target.deleteRow();
    }

    @Override
    public void refreshRow() throws SQLException {
        target.refreshRow();
    }

    @Override
    public void cancelRowUpdates() throws SQLException {
        target.cancelRowUpdates();
    }

    @Override
    public void moveToInsertRow() throws SQLException {
        target.moveToInsertRow();
    }

    @Override
    public void moveToCurrentRow() throws SQLException {
        target.moveToCurrentRow();
    }

    @Override
    public Object getObject(int column, Map<String, Class<?>> arg1) throws SQLException {
        return target.getObject(column, arg1);
    }

    @Override
    public Ref getRef(int column) throws SQLException {
        return target.getRef(column);
    }

    @Override
    public Blob getBlob(int column) throws SQLException {
        return target.getBlob(column);
    }

    @Override
    public Clob getClob(int column) throws SQLException {
        return target.getClob(column);
    }

    @Override
    public Array getArray(int column) throws SQLException {
        return target.getArray(column);
    }

    @Override
    public Object getObject(String label, Map<String, Class<?>> arg1) throws SQLException {
        return target.getObject(label, arg1);
    }

    @Override
    public Ref getRef(String label) throws SQLException {
        return target.getRef(label);
    }

    @Override
    public Blob getBlob(String label) throws SQLException {
        return target.getBlob(label);
    }

    @Override
    public Clob getClob(String label) throws SQLException {
        return target.getClob(label);
    }

    @Override
    public Array getArray(String label) throws SQLException {
        return target.getArray(label);
    }

    @Override
    public Date getDate(int column, Calendar arg1) throws SQLException {
        return target.getDate(column, arg1);
    }

    @Override
    public Date getDate(String label, Calendar arg1) throws SQLException {
        return target.getDate(label, arg1);
    }

    @Override
    public Time getTime(int column, Calendar arg1) throws SQLException {
        return target.getTime(column, arg1);
    }

    @Override
    public Time getTime(String label, Calendar arg1) throws SQLException {
        return target.getTime(label, arg1);
    }

    @Override
    public Timestamp getTimestamp(int column, Calendar arg1) throws SQLException {
        return target.getTimestamp(column, arg1);
    }

    @Override
    public Timestamp getTimestamp(String label, Calendar arg1) throws SQLException {
        return target.getTimestamp(label, arg1);
    }

    @Override
    public URL getURL(int column) throws SQLException {
        return target.getURL(column);
    }

    @Override
    public URL getURL(String label) throws SQLException {
        return target.getURL(label);
    }

    @Override
    public void updateRef(int column, Ref arg1) throws SQLException {
        target.updateRef(column, arg1);
    }

    @Override
    public void updateRef(String label, Ref arg1) throws SQLException {
        target.updateRef(label, arg1);
    }

    @Override
    public void updateBlob(int column, Blob arg1) throws SQLException {
        target.updateBlob(column, arg1);
    }

    @Override
    public void updateBlob(String label, Blob arg1) throws SQLException {
        target.updateBlob(label, arg1);
    }

    @Override
    public void updateClob(int column, Clob arg1) throws SQLException {
        target.updateClob(column, arg1);
    }

    @Override
    public void updateClob(String label, Clob arg1) throws SQLException {
        target.updateClob(label, arg1);
    }

    @Override
    public void updateArray(int column, Array arg1) throws SQLException {
        target.updateArray(column, arg1);
    }

    @Override
    public void updateArray(String label, Array arg1) throws SQLException {
        target.updateArray(label, arg1);
    }

    @Override
    public RowId getRowId(int column) throws SQLException {
        return target.getRowId(column);
    }

    @Override
    public RowId getRowId(String label) throws SQLException {
        return target.getRowId(label);
    }

    @Override
    public void updateRowId(int column, RowId arg1) throws SQLException {
        target.updateRowId(column, arg1);
    }

    @Override
    public void updateRowId(String label, RowId arg1) throws SQLException {
        target.updateRowId(label, arg1);
    }

    @Override
    public int getHoldability() throws SQLException {
        return target.getHoldability();
    }

    @Override
    public boolean isClosed() throws SQLException {
        return target.isClosed();
    }

    @Override
    public void updateNString(int column, String arg1) throws SQLException {
        target.updateNString(column, arg1);
    }

    @Override
    public void updateNString(String label, String arg1) throws SQLException {
        target.updateNString(label, arg1);
    }

    @Override
    public void updateNClob(int column, NClob arg1) throws SQLException {
        target.updateNClob(column, arg1);
    }

    @Override
    public void updateNClob(String label, NClob arg1) throws SQLException {
        target.updateNClob(label, arg1);
    }

    @Override
    public NClob getNClob(int column) throws SQLException {
        return target.getNClob(column);
    }

    @Override
    public NClob getNClob(String label) throws SQLException {
        return target.getNClob(label);
    }

    @Override
    public SQLXML getSQLXML(int column) throws SQLException {
        return target.getSQLXML(column);
    }

    @Override
    public SQLXML getSQLXML(String label) throws SQLException {
        return target.getSQLXML(label);
    }

    @Override
    public void updateSQLXML(int column, SQLXML arg1) throws SQLException {
        target.updateSQLXML(column, arg1);
    }

    @Override
    public void updateSQLXML(String label, SQLXML arg1) throws SQLException {
        target.updateSQLXML(label, arg1);
    }

    @Override
    public String getNString(int column) throws SQLException {
        return target.getNString(column);
    }

    @Override
    public String getNString(String label) throws SQLException {
        return target.getNString(label);
    }

    @Override
    public Reader getNCharacterStream(int column) throws SQLException {
        return target.getNCharacterStream(column);
    }

    @Override
    public Reader getNCharacterStream(String label) throws SQLException {
        return target.getNCharacterStream(label);
    }

    @Override
    public void updateNCharacterStream(int column, Reader arg1, long arg2) throws SQLException {
        target.updateNCharacterStream(column, arg1, arg2);
    }

    @Override
    public void updateNCharacterStream(String label, Reader arg1, long arg2) throws SQLException {
        target.updateNCharacterStream(label, arg1, arg2);
    }

    @Override
    public void updateAsciiStream(int column, InputStream arg1, long arg2) throws SQLException {
        target.updateAsciiStream(column, arg1, arg2);
    }

    @Override
    public void updateBinaryStream(int column, InputStream arg1, long arg2) throws SQLException {
        target.updateBinaryStream(column, arg1, arg2);
    }

    @Override
    public void updateCharacterStream(int column, Reader arg1, long arg2) throws SQLException {
        target.updateCharacterStream(column, arg1, arg2);
    }

    @Override
    public void updateAsciiStream(String label, InputStream arg1, long arg2) throws SQLException {
        target.updateAsciiStream(label, arg1, arg2);
    }

    @Override
    public void updateBinaryStream(String label, InputStream arg1, long arg2) throws SQLException {
        target.updateBinaryStream(label, arg1, arg2);
    }

    @Override
    public void updateCharacterStream(String label, Reader arg1, long arg2) throws SQLException {
        target.updateCharacterStream(label, arg1, arg2);
    }

    @Override
    public void updateBlob(int column, InputStream arg1, long arg2) throws SQLException {
        target.updateBlob(column, arg1, arg2);
    }

    @Override
    public void updateBlob(String label, InputStream arg1, long arg2) throws SQLException {
        target.updateBlob(label, arg1, arg2);
    }

    @Override
    public void updateClob(int column, Reader arg1, long arg2) throws SQLException {
        target.updateClob(column, arg1, arg2);
    }

    @Override
    public void updateClob(String label, Reader arg1, long arg2) throws SQLException {
        target.updateClob(label, arg1, arg2);
    }

    @Override
    public void updateNClob(int column, Reader arg1, long arg2) throws SQLException {
        target.updateNClob(column, arg1, arg2);
    }

    @Override
    public void updateNClob(String label, Reader arg1, long arg2) throws SQLException {
        target.updateNClob(label, arg1, arg2);
    }

    @Override
    public void updateNCharacterStream(int column, Reader arg1) throws SQLException {
        target.updateNCharacterStream(column, arg1);
    }

    @Override
    public void updateNCharacterStream(String label, Reader arg1) throws SQLException {
        target.updateNCharacterStream(label, arg1);
    }

    @Override
    public void updateAsciiStream(int column, InputStream arg1) throws SQLException {
        target.updateAsciiStream(column, arg1);
    }

    @Override
    public void updateBinaryStream(int column, InputStream arg1) throws SQLException {
        target.updateBinaryStream(column, arg1);
    }

    @Override
    public void updateCharacterStream(int column, Reader arg1) throws SQLException {
        target.updateCharacterStream(column, arg1);
    }

    @Override
    public void updateAsciiStream(String label, InputStream arg1) throws SQLException {
        target.updateAsciiStream(label, arg1);
    }

    @Override
    public void updateBinaryStream(String label, InputStream arg1) throws SQLException {
        target.updateBinaryStream(label, arg1);
    }

    @Override
    public void updateCharacterStream(String label, Reader arg1) throws SQLException {
        target.updateCharacterStream(label, arg1);
    }

    @Override
    public void updateBlob(int column, InputStream arg1) throws SQLException {
        target.updateBlob(column, arg1);
    }

    @Override
    public void updateBlob(String label, InputStream arg1) throws SQLException {
        target.updateBlob(label, arg1);
    }

    @Override
    public void updateClob(int column, Reader arg1) throws SQLException {
        target.updateClob(column, arg1);
    }

    @Override
    public void updateClob(String label, Reader arg1) throws SQLException {
        target.updateClob(label, arg1);
    }

    @Override
    public void updateNClob(int column, Reader arg1) throws SQLException {
        target.updateNClob(column, arg1);
    }

    @Override
    public void updateNClob(String label, Reader arg1) throws SQLException {
        target.updateNClob(label, arg1);
    }

    @Override
    public <T> T getObject(int column, Class<T> arg1) throws SQLException {
        return target.getObject(column, arg1);
    }

    @Override
    public <T> T getObject(String label, Class<T> arg1) throws SQLException {
        return target.getObject(label, arg1);
    }

    @Override
    public void updateObject(int column, Object arg1, SQLType arg2, int arg3) throws SQLException {
        target.updateObject(column, arg1, arg2, arg3);
    }

    @Override
    public void updateObject(String label, Object arg1, SQLType arg2, int arg3) throws SQLException {
        target.updateObject(label, arg1, arg2, arg3);
    }

    @Override
    public void updateObject(int column, Object arg1, SQLType arg2) throws SQLException {
        target.updateObject(column, arg1, arg2);
    }

    @Override
    public void updateObject(String label, Object arg1, SQLType arg2) throws SQLException {
        target.updateObject(label, arg1, arg2);
    }
}
