/* A locality chosen on the map or in the "Ort" list shows at once from the page's own copy of the
   panels, with no round trip (decision 83, dashboard/views/panel_prefetch.py). What the copy cannot
   show goes to the server's selection callback as a request, as does an address the page did not
   write itself (a load, back or forward). The panels are data drawn by StaticTree, never markup.

   A choice the copy shows is written straight into the page's components ("show" and "quietly"
   below): every round of Dash's callbacks costs the page 10-20 ms, more than drawing the panel, so
   a map click runs none of its own and a list choice only the one its change starts (decision 84).
   Used by the clientside callbacks in dashboard/pages/map_callbacks.py. */
(function () {
    var PANEL_WANTED = "locality-panel-wanted", PANEL = "locality-panel";
    var SELECT_REQUEST = "map-select-request", URL_REQUEST = "map-url-request", MAP_URL = "map-url";
    var PANEL_KEY = "locality-panel-key", SHOWN_SEARCH = "map-shown-search", LOCALITY = "locality-select";
    var PANEL_TREE = "locality-panel-tree";
    var ASK_AFTER_MS = 1000;  // after the page has drawn, so the copy never holds up what is shown
    var ASK_AGAIN_MS = 10000;  // an unanswered request is repeated no sooner than this
    var asked = 0;
    var held = null;  // the copy as it last arrived (see "keep" below)
    var shownKey = null;  // what the panel shows ("ort:<id>" or an overview's key), as last known here
    var mapPath = null;  // the map page's path, once it has read its address

    function fresh(copy) {
        return Boolean(copy && copy.enabled && copy.panels && typeof copy.asked === "number"
            && Date.now() - copy.asked < copy.max_age_s * 1000);
    }

    // The copy's panel for the locality ``id``, or null when the copy is missing, old or lacks it.
    function copiedPanel(copy, id) {
        return id && fresh(copy) && Object.prototype.hasOwnProperty.call(copy.panels, id) ? copy.panels[id] : null;
    }

    // The address the server would write (url_state.to_query): the locality first, the rest as it is.
    function addressWith(search, param, id) {
        var rest = String(search || "").replace(/^\?/, "").split("&").filter(function (part) {
            return part && part.split("=")[0] !== param;
        });
        return "?" + [param + "=" + encodeURIComponent(id)].concat(rest).join("&");
    }

    // Shows the copy's panel of the locality ``id``: the panel, what it shows, the address (the map
    // page's dcc.Location writes it, as it does the server's) and, unless it shows it already, the list.
    function show(id, panel, locality) {
        var address = addressWith(window.location.search, held.param, id);
        shownKey = "ort:" + id;
        // The list first: it shows its value only after an effect of its own, which should not wait
        // behind the panel.
        if (locality !== id) { quietly(LOCALITY, {value: id}); }
        // A locality's panel replacing another's: its nodes go to the tree on the page, so React
        // keeps the elements and changes their text (about 7 ms less than drawing them anew).
        var tree = panel && panel.props && panel.props.id === PANEL_TREE ? panel.props.tree : null;
        var treePaths = tree ? pathsOf(PANEL_TREE) : null;
        if (treePaths) {
            changeProps(treePaths, {tree: tree});
        } else {
            window.dash_clientside.set_props(PANEL, {children: panel});  // new components: Dash must know them
        }
        quietly(PANEL_KEY, {data: shownKey});
        quietly(SHOWN_SEARCH, {data: address});
        quietly(MAP_URL, {search: address});
    }

    // Changes a component's props without telling Dash's callbacks. set_props tells them, and after a
    // map click the list's change would start "choose" again: a round of Dash's callbacks with
    // nothing left to do, 10-12 ms of a 45 ms click. The other props written here have no callback
    // listening at all, and set_props's two further dispatches (the notice and the components'
    // paths, which these props do not change) cost the page for nothing. Dash has no public way to
    // do this, so it dispatches the renderer's own prop change (the first action set_props
    // dispatches) and falls back to set_props where that is not there. Which callbacks listen to
    // these props is held by tests/dashboard/test_panel_prefetch.py. Decision 84.
    function quietly(componentId, props) {
        var paths = pathsOf(componentId);
        if (paths) { changeProps(paths, props); } else { window.dash_clientside.set_props(componentId, props); }
    }

    function changeProps(paths, props) {
        window.dash_stores.forEach(function (store, i) {
            store.dispatch({type: "ON_PROP_CHANGE", payload: {itempath: paths[i], props: props,
                                                           renderType: "clientsideApi"}});
        });
    }

    // Where the component is in each of the renderer's stores, or null when it is not on the page
    // (or the renderer keeps its paths elsewhere).
    function pathsOf(componentId) {
        var stores = window.dash_stores || [];
        var paths = stores.map(function (store) {
            var state = store.getState();
            return state && state.paths && state.paths.strs ? state.paths.strs[componentId] : null;
        });
        return stores.length && paths.every(Array.isArray) ? paths : null;
    }

    // The server shows what the copy cannot; what it shows is known here again when the list changes.
    function request(id, via) {
        askSoon(held);  // so the next choice is shown at once
        shownKey = null;
        window.dash_clientside.set_props(SELECT_REQUEST, {data: {id: id, via: via, at: Date.now()}});
    }

    // A change of the "Ort" list (a person's or the server's): callback without outputs.
    function choose(locality, shown) {
        var id = locality || null;
        shownKey = typeof shown === "string" ? shown : null;
        var showsLocality = shownKey !== null && shownKey.indexOf("ort:") === 0;
        if ((id && shownKey === "ort:" + id) || (!id && !showsLocality)) {
            return;  // shown already (also the server's own answer, and show's)
        }
        var panel = copiedPanel(held, id);
        if (panel) { show(id, panel, locality); } else { request(id, "list"); }
    }

    // A click on the map (map_frame.js), shown from the copy or sent to the server without a round
    // of Dash's callbacks first (with 2,000 localities there is no copy).
    function mapChoice(id) {
        if (!document.getElementById(PANEL)) { return; }  // a map on another page (a slide): nothing to show
        if (id && shownKey === "ort:" + id) { return; }
        var panel = copiedPanel(held, id);
        if (panel) { show(id, panel, null); } else { request(id, "map"); }
    }

    function keep(copy) {
        held = copy;
        decodeCharts(copy);
        return window.dash_clientside.no_update;
    }

    // The copy's charts (data: images, components/svg_image.py) are decoded in an idle moment, so a
    // locality chosen for the first time shows its chart with the panel rather than 10-30 ms after.
    // The images are held here: the browser keeps a decoded image while something refers to it.
    var decoded = [];
    function decodeCharts(copy) {
        decoded = [];
        var sources = [];
        if (!fresh(copy)) { return; }
        var walk = function (node) {
            if (!node || typeof node !== "object") { return; }
            if (Array.isArray(node)) { node.forEach(walk); return; }
            if (node.t === "img" && node.a && /^data:image\//.test(String(node.a.src))) { sources.push(node.a.src); }
            walk(node.c);
        };
        Object.keys(copy.panels).forEach(function (key) {
            var panel = copy.panels[key];
            walk(panel && panel.props ? panel.props.tree : null);
        });
        if (!sources.length) { return; }
        var next = function (deadline) {
            do {  // at least one each time, also when the browser had no idle moment before the timeout
                var image = new Image();
                image.src = sources.shift();
                if (image.decode) { image.decode().catch(function () { /* shown as it is when chosen */ }); }
                decoded.push(image);
            } while (sources.length && deadline && deadline.timeRemaining() > 2);
            if (sources.length) { idle(next); }
        };
        idle(next);
    }

    function idle(task) {
        if (window.requestIdleCallback) { window.requestIdleCallback(task, {timeout: 2000}); } else { window.setTimeout(task, 50); }
    }

    // The address as the map page finds it on load (its dcc.Location sets the path once it is up).
    function address(pathname) {
        if (!pathname) { return window.dash_clientside.no_update; }
        mapPath = pathname;
        shownKey = null;
        return {search: window.location.search, at: Date.now()};
    }

    // Back and forward on the map page: the address is the server's to read. (The dcc.Location
    // keeps its props in step by itself; no callback listens to them, so a click costs no round.)
    window.addEventListener("popstate", function () {
        if (!document.getElementById(PANEL) || window.location.pathname !== mapPath) { return; }
        var set = window.dash_clientside && window.dash_clientside.set_props;
        shownKey = null;
        if (set) { set(URL_REQUEST, {data: {search: window.location.search, at: Date.now()}}); }
    });

    // Asks the server for every panel a little after the page has drawn, when the copy is missing
    // or old and the server has not said the page keeps none.
    function askSoon(copy) {
        var now = Date.now();
        if ((copy && copy.enabled === false) || fresh(copy) || now - asked < ASK_AGAIN_MS) { return; }
        asked = now;
        var ask = function () {
            // The person may have left the map page meanwhile: its stores are gone with it.
            if (document.getElementById(PANEL)) {
                window.dash_clientside.set_props(PANEL_WANTED, {data: {at: Date.now()}});
            } else {
                asked = 0;  // ask as soon as a map page is back
            }
        };
        window.setTimeout(function () {
            if (window.requestIdleCallback) { window.requestIdleCallback(ask, {timeout: 2000}); } else { ask(); }
        }, ASK_AFTER_MS);
    }

    function wanted(frameKey) {
        askSoon(held);
        return window.dash_clientside.no_update;
    }

    window.dash_clientside = window.dash_clientside || {};
    window.dash_clientside.allas_map = {choose: choose, address: address, wanted: wanted, keep: keep};
    window.allasMapChoice = mapChoice;
})();
