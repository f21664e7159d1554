"""Cross-region comparison: align two plans' measures (``diff``) and report on many (``compare``)."""
