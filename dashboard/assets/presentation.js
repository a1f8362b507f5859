/* Presentation mode (dashboard/pages/presentation.py): moving between slides, full screen and the
   chart as an image.

   Keys and the previous/next buttons take one path: this script works out the new slide number
   and writes it into the URL (?bild=N) at once, then tells Dash's dcc.Location, which fetches
   the slide. The script keeps the number it asked for until that slide is on screen, and the
   next press counts from it, so four quick presses move four slides even while the server is
   still drawing the first. The number of slides comes from the
   slide on screen (data-total, set by dashboard/views/presentation.py).

   Keys: → ↓ PageDown space next; ← ↑ PageUp previous; Home first; End last; digits then Enter
   go to that slide; Esc leaves (outside full screen, where the browser uses Esc itself).
   In full screen only the slide shows; the bar appears while the mouse moves. */
(function () {
    var SLIDE_KEY = "bild";  /* dashboard.views.public_names.KEY_SLIDE */
    var NEXT = ["ArrowRight", "ArrowDown", "PageDown", " "];
    var PREVIOUS = ["ArrowLeft", "ArrowUp", "PageUp"];
    var CONTROLS_SHOWN_MS = 3000;
    var typed = "";
    var hideTimer = null;

    var wanted = null;  /* the slide last asked for, until it is on screen */

    function stage() { return document.getElementById("pres-stage"); }
    function current() {
        if (wanted !== null) { return wanted; }
        var value = parseInt(new URLSearchParams(window.location.search).get(SLIDE_KEY), 10);
        return value > 0 ? value : 1;
    }
    var knownTotal = null;
    function total() {  /* the last count seen: Dash may be swapping the slide just now */
        var frame = stage() && stage().querySelector("[data-total]");
        if (frame) { knownTotal = parseInt(frame.getAttribute("data-total"), 10); }
        return knownTotal;
    }
    function go(number) {
        var count = total();
        if (count === null || isNaN(number)) { return; }
        number = Math.max(1, Math.min(count, number));
        if (number === current()) { return; }
        /* Kept here, not read back from the URL: while Dash catches up, dcc.Location may write
           an older ?bild= for a moment, and a press then would start from the wrong slide. */
        wanted = number;
        var params = new URLSearchParams(window.location.search);
        params.set(SLIDE_KEY, String(number));
        window.history.replaceState(window.history.state, "", window.location.pathname + "?" + params.toString());
        window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
    }

    /* The slide asked for is on screen (or the URL changed some other way): the URL leads again. */
    new MutationObserver(function () {
        var frame = stage() && stage().querySelector("[data-index]");
        total();
        if (frame && wanted !== null && parseInt(frame.getAttribute("data-index"), 10) === wanted) { wanted = null; }
    }).observe(document.documentElement, {subtree: true, childList: true});
    window.addEventListener("popstate", function () { wanted = null; });
    document.addEventListener("change", function (event) {  /* another presentation starts at its first slide */
        if (event.target.closest && event.target.closest(".pres-choice")) { wanted = null; }
    });

    document.addEventListener("keydown", function (event) {
        if (!stage() || event.altKey || event.ctrlKey || event.metaKey) { return; }
        var target = event.target || {};
        if (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName || "") || target.isContentEditable) { return; }
        var key = event.key;
        if (/^[0-9]$/.test(key)) {
            typed = (typed + key).slice(-4);
            event.preventDefault();
            return;
        }
        if (key === "Enter" && typed) {
            go(parseInt(typed, 10));
            typed = "";
            event.preventDefault();
            return;
        }
        typed = "";
        if (NEXT.indexOf(key) !== -1) {
            if (key === " " && target.tagName === "BUTTON") { return; }  /* space presses a focused button */
            go(current() + 1);
        } else if (PREVIOUS.indexOf(key) !== -1) {
            go(current() - 1);
        } else if (key === "Home") {
            go(1);
        } else if (key === "End") {
            go(total());
        } else {
            if (key === "Escape" && !document.fullscreenElement) { window.location.assign("/"); }
            return;
        }
        event.preventDefault();
    });

    document.addEventListener("click", function (event) {
        var button = event.target.closest && event.target.closest("button");
        if (!button) { return; }
        if (button.id === "pres-next") {
            go(current() + 1);
        } else if (button.id === "pres-prev") {
            go(current() - 1);
        } else if (button.classList.contains("pres-chart-image")) {
            downloadChart(button.getAttribute("data-format"));
        }
    });

    /* The chart on the slide shown, drawn by the local plotly.js: nothing leaves the browser.
       A slide may hold a chart twice, one drawing per screen width: the one on screen is taken. */
    function downloadChart(format) {
        var plots = stage() ? Array.prototype.slice.call(stage().querySelectorAll(".js-plotly-plot")) : [];
        var plot = plots.filter(function (p) { return p.getClientRects().length > 0; })[0];
        var slide = stage() && stage().querySelector("[data-slide]");
        if (!plot || !plot._fullLayout || !window.Plotly) { return; }
        var name = slide ? slide.getAttribute("data-slide").replace(/[^a-z0-9-]+/gi, "-") : "bild";
        window.Plotly.downloadImage(plot, {
            format: format, filename: "allas-vimmerby-" + name,
            width: plot._fullLayout.width, height: plot._fullLayout.height, scale: format === "png" ? 2 : 1,
        });
    }

    /* Full screen: the bar shows while the mouse moves and for a few seconds after. A map is a
       frame of its own, whose mouse moves never reach this document: listen in it too. */
    document.addEventListener("load", function (event) {
        var frame = event.target;
        if (frame.tagName === "IFRAME" && frame.closest("#pres-stage")) {
            try { frame.contentWindow.addEventListener("mousemove", showControls); } catch (e) { /* not ours */ }
        }
    }, true);
    document.addEventListener("mousemove", showControls);
    function showControls() {
        var screen = document.fullscreenElement;
        if (!screen || screen.id !== "pres-screen") { return; }
        screen.classList.add("controls-shown");
        window.clearTimeout(hideTimer);
        hideTimer = window.setTimeout(function () { screen.classList.remove("controls-shown"); }, CONTROLS_SHOWN_MS);
    }
    document.addEventListener("fullscreenchange", function () {
        var screen = document.getElementById("pres-screen");
        if (screen && document.fullscreenElement !== screen) { screen.classList.remove("controls-shown"); }
        /* The keys stay with the slide, and the bar (shown while it holds the focus) steps aside. */
        if (screen && document.fullscreenElement === screen && stage()) { stage().focus({preventScroll: true}); }
        var button = document.getElementById("pres-fullscreen");
        if (button) { button.setAttribute("aria-pressed", document.fullscreenElement ? "true" : "false"); }
    });
})();
