"""Open Referral UK (ORUK) 3.0: the open-data API at /api/openreferral/v3/ and the importer.

`mapping` turns our records into ORUK objects and ORUK objects back into field values (plain
functions), `schema` validates against the standard's JSON schemas (kept in `schema/`, never
fetched), `views` serves the API and `importer` loads a feed or a file."""
