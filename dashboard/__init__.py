"""党建驾驶舱: the Streamlit app's own parts (entry point, schema, store, demo data, shared UI)."""
