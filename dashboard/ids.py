"""Component ids, defined once so layouts, callbacks and tests cannot drift apart."""

# The shell
ROOT_URL = "url"
PAGE = "page"
NAV = "nav"
MENU_BUTTON = "menu-button"  # shows and hides the menu on narrow screens (assets/responsive.js)

# The map page
MAP_URL = "map-url"
MAP_FRAME = "map-frame"
MAP_CLICK = "map-click"  # not a component: what views.map.sync_view calls a choice made on the map
INDICATOR = "indicator-select"
YEAR = "year-slider"
YEAR_LATEST = "year-latest"
LOCALITY = "locality-select"
PANEL = "locality-panel"
PANEL_KEY = "locality-panel-key"  # what the panel shows, so a selection rebuilds it only when that changes
PANEL_MORE = "locality-panel-more"  # "show more" under the overview table
PANEL_TREE = "locality-panel-tree"  # a locality's panel (one StaticTree), given new nodes in place (decision 84)
MAP_FRAME_KEY = "map-frame-key"  # what geometry the frame on the page draws (decision 72)
MAP_VALUES = "map-values"  # the values that colour it, handed to the frame by a clientside callback
MAP_APPLIED = "map-values-applied"  # the clientside callback's unused output
# A choice the page can show from its own copy of the panels asks the server nothing (decision 83):
PANEL_CACHE = "locality-panel-cache"  # every locality's panel, fetched once the page has drawn
PANEL_WANTED = "locality-panel-wanted"  # the page asks for the panels (again, when they are old)
SELECT_REQUEST = "map-select-request"  # a choice the page's copy cannot show, for the server
URL_REQUEST = "map-url-request"  # an address the page did not write itself (load, back, forward)
SHOWN_SEARCH = "map-shown-search"  # the address the page wrote last

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

# The groups page
GROUPS_URL = "groups-url"
GW_LOCALITY = "gw-locality"
GW_PERIOD = "gw-period"
GW_OVERVIEW = "gw-overview"
GW_DETAIL = "gw-detail"
GW_REFRESH = "gw-refresh"
GW_ACTIVITY_LIST = "gw-activity-list"  # one page of the chosen locality's activities, with its pager
GW_INITIATIVE_LIST = "gw-initiative-list"
GW_PAGE = "gw-page"  # pattern-matching type: {"type": GW_PAGE, "list": "activities"|"initiatives", "offset": …}
ACT_DATE = "act-date"
ACT_KIND = "act-kind"
ACT_TITLE = "act-title"
ACT_PARTICIPANTS = "act-participants"
ACT_AREAS = "act-areas"
ACT_DESCRIPTION = "act-description"
ACT_SAVE = "act-save"
ACT_CANCEL = "act-cancel"
ACT_MESSAGE = "act-message"
ACT_EDITING = "act-editing"
INI_TITLE = "ini-title"
INI_DESCRIPTION = "ini-description"
INI_AREAS = "ini-areas"
INI_STATUS = "ini-status"
INI_START = "ini-start"
INI_END = "ini-end"
INI_LEAD = "ini-lead"
INI_PARTNERS = "ini-partners"
INI_PROGRESS = "ini-progress"
INI_LAT = "ini-lat"
INI_LON = "ini-lon"
INI_SAVE = "ini-save"
INI_CANCEL = "ini-cancel"
INI_MESSAGE = "ini-message"
INI_EDITING = "ini-editing"
INI_PICKER = "ini-picker"  # the iframe where a click on the locality's map places the initiative
INI_PICKER_SHOWN = "ini-picker-shown"  # output of the clientside callback that moves the picker's marker
COMP_COUNT = "comp-count"  # pattern-matching type: {"type": COMP_COUNT, "rep": …, "age": …}
COMP_SAVE = "comp-save"
COMP_MESSAGE = "comp-message"
COMP_VERSION = "comp-version"
EDIT_ACTIVITY = "edit-activity"      # pattern-matching: {"type": …, "id": n}
DELETE_ACTIVITY = "delete-activity"  # pattern-matching: {"type": …, "id": n, "version": v}
EDIT_INITIATIVE = "edit-initiative"
DELETE_INITIATIVE = "delete-initiative"
GW_ACTION_MESSAGE = "gw-action-message"

# The map's initiative filters
INI_FILTER_AREAS = "ini-filter-areas"
INI_FILTER_STATUS = "ini-filter-status"
INI_FILTER_YEAR = "ini-filter-year"
IDEA_FILTER_SHOW = "idea-filter-show"
IDEA_FILTER_STATUS = "idea-filter-status"
GW_FORMS = "gw-forms"
COMP_FORM_BODY = "comp-form-body"
ACT_FORM_TITLE = "act-form-title"
INI_FORM_TITLE = "ini-form-title"

# The staff page
STAFF_REFRESH = "staff-refresh"
STAFF_USERS = "staff-users"
STAFF_MEETINGS = "staff-meetings"
STAFF_AUDIT = "staff-audit"
USER_NAME = "user-name"
USER_PASSWORD = "user-password"
USER_ROLE = "user-role"
USER_LOCALITY = "user-locality"
USER_CREATE = "user-create"
USER_MESSAGE = "user-message"
USER_TOGGLE = "user-toggle"  # pattern-matching: {"type": …, "id": n}
MEETING_DATE = "meeting-date"
MEETING_TITLE = "meeting-title"
MEETING_PARTICIPANTS = "meeting-participants"
MEETING_THEMES = "meeting-themes"
MEETING_NOTES = "meeting-notes"
MEETING_SAVE = "meeting-save"
MEETING_MESSAGE = "meeting-message"
GW_EXPORT = "gw-export"
GW_DOWNLOAD = "gw-download"
GW_UPLOAD = "gw-upload"
GW_UPLOAD_RESULT = "gw-upload-result"

# The presentation page
PRES_URL = "pres-url"
PRES_STAGE = "pres-stage"
PRES_PREV = "pres-prev"
PRES_NEXT = "pres-next"
PRES_COUNTER = "pres-counter"
PRES_FULLSCREEN = "pres-fullscreen"
PRES_FULLSCREEN_DONE = "pres-fullscreen-done"
PRES_CHOICE = "pres-choice"
PRES_NAME = "pres-name"
PRES_DRAFT = "pres-draft"
PRES_SLIDE_LIST = "pres-slide-list"
PRES_MOVE = "pres-move"  # pattern-matching: {"type": …, "index": i, "delta": d}
PRES_ADD_CHOICE = "pres-add-choice"
PRES_ADD = "pres-add"
PRES_SAVE = "pres-save"
PRES_MESSAGE = "pres-message"
PRES_NOTICE = "pres-notice"
PRES_EXPORT_MAP = "pres-export-map"
PRES_EXPORT_REPORT = "pres-export-report"
PRES_DOWNLOAD = "pres-download"
PRES_SCREEN = "pres-screen"  # what full screen shows: the slide, with the controls over it
PRES_MENU = "pres-menu"
