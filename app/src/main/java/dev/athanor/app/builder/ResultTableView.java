package dev.athanor.app.builder;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The rows of the last builder run in a table. */
final class ResultTableView extends TableView<List<Object>> {

    ResultTableView(QueryBuilderModel model) {
        setId("builder-results");
        setPlaceholder(new javafx.scene.control.Label("Run the query (F5) to see its rows."));
        model.resultProperty().addListener((obs, old, result) -> show(result));
    }

    private void show(ResultTable result) {
        getColumns().clear();
        if (result == null) {
            setItems(FXCollections.observableArrayList());
            return;
        }
        for (int i = 0; i < result.columns().size(); i++) {
            int index = i;
            var column = new TableColumn<List<Object>, String>(result.columns().get(i));
            column.setCellValueFactory(cell -> {
                Object value = cell.getValue().get(index);
                return new ReadOnlyStringWrapper(value == null ? "NULL" : value.toString());
            });
            column.setPrefWidth(Math.max(90, result.columns().get(i).length() * 9.0));
            getColumns().add(column);
        }
        setItems(FXCollections.observableArrayList(result.rows()));
    }
}
