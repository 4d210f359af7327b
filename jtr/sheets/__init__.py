"""Workbooks people fill in and send back: the request workbook (照会票, jtr.sheets.request)."""
