/* A locality chosen on the map or in the "Ort" list shows at once from the page's own copy of the
   panels, with no round trip (decision 83, dashboard/views/panel_prefetch.py). What the copy cannot
   show goes to the server's selection callback as a request, as does an address the page did not
   write itself (a load, back or forward). The panels are data drawn by StaticTree, never markup.
   Used by the clientside callbacks in dashboard/pages/map_callbacks.py. */
(function () {
    var MAP_CLICK = "map-click", PANEL_WANTED = "locality-panel-wanted", PANEL = "locality-panel";
    var SELECT_REQUEST = "map-select-request";
    var ASK_AFTER_MS = 1000;  // after the page has drawn, so the copy never holds up what is shown
    var ASK_AGAIN_MS = 10000;  // an unanswered request is repeated no sooner than this
    var asked = 0;
    var held = null;  // the copy as it last arrived (see "held" below)

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

    function choose(click, locality, search, shown, copy) {
        var skip = window.dash_clientside.no_update;
        var context = window.dash_clientside.callback_context;
        var trigger = (context.triggered && context.triggered.length) ? context.triggered[0].prop_id : "";
        var viaMap = trigger.indexOf(MAP_CLICK + ".") === 0;
        var id = viaMap ? (click && typeof click.id === "string" ? click.id : null) : (locality || null);
        var showsLocality = typeof shown === "string" && shown.indexOf("ort:") === 0;
        if ((id && shown === "ort:" + id) || (!id && !showsLocality)) {
            return [skip, skip, skip, skip, skip, skip];  // shown already (also the server's own answer)
        }
        var panel = copiedPanel(copy, id);
        if (!panel) {
            askSoon(copy);  // so the next choice is shown at once
            return [skip, skip, skip, skip, skip, {id: id, via: viaMap ? "map" : "list", at: Date.now()}];
        }
        var address = addressWith(search, copy.param, id);
        return [address, address, locality === id ? skip : id, panel, "ort:" + id, skip];
    }

    // A click on the map (map_frame.js): through "choose" when the copy shows it, else straight to
    // the server, without a round of Dash's callbacks first (with 2,000 localities there is no copy).
    function mapChoice(id) {
        if (!document.getElementById(PANEL)) { return; }  // a map on another page (a slide): nothing to show
        var now = Date.now();
        if (copiedPanel(held, id)) {
            window.dash_clientside.set_props(MAP_CLICK, {data: {id: id, at: now}});
            return;
        }
        askSoon(held);
        window.dash_clientside.set_props(SELECT_REQUEST, {data: {id: id, via: "map", at: now}});
    }

    function keep(copy) {
        held = copy;
        return window.dash_clientside.no_update;
    }

    function address(search, written) {
        if (search === undefined || search === null || search === written) {
            return window.dash_clientside.no_update;
        }
        return {search: search, at: Date.now()};
    }

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

    function wanted(frameKey, copy) {
        askSoon(copy);
        return window.dash_clientside.no_update;
    }

    window.dash_clientside = window.dash_clientside || {};
    window.dash_clientside.allas_map = {choose: choose, address: address, wanted: wanted, keep: keep};
    window.allasMapChoice = mapChoice;
})();
