"""Tables as CSV or XLSX downloads that open correctly in Excel, Thai text included.

CSV starts with a byte-order mark, without which Excel reads UTF-8 Thai as mojibake. Text that starts like a
formula ("=", "+", "-", "@") is kept as text in both formats, so an exported title is never evaluated (CSV
injection). Numbers stay numbers, so Excel can sum them.
"""

import csv
import io
from decimal import Decimal

from django.http import HttpResponse

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def cell(value):
    """A value as a spreadsheet should hold it: numbers as numbers, formula-like text as plain text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float, Decimal)):
        return value
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_START) else text


def table_response(name, fmt, header, rows):
    """A download of `rows` under `header`, as `name`.csv or `name`.xlsx."""
    header = [str(title) for title in header]  # titles may be lazy translations
    rows = ([cell(value) for value in row] for row in rows)
    content = xlsx_bytes(header, rows) if fmt == "xlsx" else csv_text(header, rows)
    response = HttpResponse(content, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def csv_text(header, rows):
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def xlsx_bytes(header, rows):
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
