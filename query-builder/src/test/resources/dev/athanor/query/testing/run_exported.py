"""Runs exported SQLAlchemy code: run_exported.py URL CODE_JSON ROWS_JSON.

CODE_JSON holds "code", mapping names to code that expects `engine` and leaves its statement in `query`, and
"parameters", mapping some of the names to the values of their statement's bind parameters. ROWS_JSON gets, for each
name, {"rows": [[text, ...], ...]} or {"error": "Type: message"}, values written as CanonicalRows.java writes them.
"""
import datetime
import decimal
import json
import sys

from sqlalchemy import create_engine

PRECISION = decimal.Context(prec=12, rounding=decimal.ROUND_HALF_EVEN)


def number(value):
    rounded = PRECISION.plus(decimal.Decimal(value)).normalize(PRECISION)
    text = format(rounded, "f")
    return "0" if text == "-0" else text


def canonical(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, decimal.Decimal)):
        return number(value)
    if isinstance(value, datetime.datetime):
        text = value.strftime("%Y-%m-%d %H:%M:%S")
        return text + (".%06d" % value.microsecond if value.microsecond else "")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return number(decimal.Decimal(value.days) * 86400 + value.seconds + decimal.Decimal(value.microseconds) / 1000000)
    return str(value)


def main(url, code_file, rows_file):
    with open(code_file, encoding="utf-8") as f:
        given = json.load(f)
    code_by_name = given["code"]
    parameters = given["parameters"]
    engine = create_engine(url, future=True)
    outcomes = {}
    for name, code in code_by_name.items():
        try:
            namespace = {"engine": engine}
            exec(compile(code, name, "exec"), namespace)
            with engine.connect() as connection:
                rows = connection.execute(namespace["query"], parameters.get(name, {})).all()
            outcomes[name] = {"rows": [[canonical(v) for v in row] for row in rows]}
        except Exception as e:  # each query's failure is its own result
            outcomes[name] = {"error": "%s: %s" % (type(e).__name__, str(e).strip().splitlines()[0] if str(e).strip() else "")}
    engine.dispose()
    with open(rows_file, "w", encoding="utf-8") as f:
        json.dump(outcomes, f)


if __name__ == "__main__":
    main(*sys.argv[1:])
