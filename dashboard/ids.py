"""Component ids, defined once so layouts, callbacks and tests cannot drift apart."""

# The shell
ROOT_URL = "url"
PAGE = "page"
NAV = "nav"

# The map page
MAP_URL = "map-url"
MAP_FRAME = "map-frame"
MAP_CLICK = "map-click"
INDICATOR = "indicator-select"
YEAR = "year-slider"
YEAR_LATEST = "year-latest"
LOCALITY = "locality-select"
PANEL = "locality-panel"
HIGHLIGHT = "map-highlight"

# The compare page
COMPARE_URL = "compare-url"
CMP_LOCALITIES = "compare-localities"
CMP_YEAR = "compare-year"
CMP_AREA = "compare-area"
CMP_INDICATOR = "compare-indicator"
CMP_MESSAGE = "compare-message"
CMP_RADAR = "compare-radar"
CMP_INDEX = "compare-index"
CMP_BARS = "compare-bars"
CMP_SERIES = "compare-series"
CMP_TABLE = "compare-table"
CMP_EXAMPLE = "compare-example"
WEIGHT = "weight"  # pattern-matching type: {"type": WEIGHT, "area": area_id}
WEIGHTS_APPLY = "weights-apply"
WEIGHTS_RESET = "weights-reset"
WEIGHTS_MESSAGE = "weights-message"
EXPORT_CSV = "export-csv"
EXPORT_XLSX = "export-xlsx"
DOWNLOAD = "download"

# The import page
UPLOAD = "upload"
UPLOAD_RESULT = "upload-result"
IMPORT_LOG = "import-log"
MAP_STATE = "map-state"
