"""Metric queries: SQLAlchemy + pandas, one function per metric, no Streamlit."""
