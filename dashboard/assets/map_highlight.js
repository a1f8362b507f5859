/* The map frame highlights the locality the side panel shows (its data-locality), whether it was
   chosen on the map, in the "Ort" list or by the address. Watching the page for the panel is
   cheaper than a Dash callback on the list's value, which cost a round of Dash's callback
   machinery after every selection (issue #13 item 2). The frame highlights a clicked locality
   at once itself, and reads the address when it loads. */
(function () {
    var FRAME = "map-frame", PANEL = "locality-panel";
    var shown;  // what the frame was last told

    function sync() {
        var frame = document.getElementById(FRAME);
        var panel = document.getElementById(PANEL);
        if (!frame || !panel) { shown = undefined; return; }
        var chosen = panel.querySelector("[data-locality]");
        var id = chosen ? chosen.getAttribute("data-locality") : null;
        if (id === shown) { return; }
        var map = frame.contentWindow;
        if (map && map.highlightLocality) {
            map.highlightLocality(id);
            shown = id;
        }
    }

    new MutationObserver(sync).observe(document.documentElement, {
        subtree: true, childList: true, attributes: true, attributeFilter: ["data-locality"]
    });
})();
