/* The menu on narrow screens (assets/responsive.css hides it behind the menu button):
   the button opens and closes it and keeps aria-expanded true to what is shown; following a
   link or pressing Esc closes it again (Dash Pages changes the page without reloading, so the
   header, and an open menu, would otherwise stay as they were). Tables that are not inside a
   scrolling box of their own scroll sideways by themselves on a phone (responsive.css): such a
   table must be reachable by keyboard. */
(function () {
    function parts() {
        var button = document.getElementById("menu-button");
        return button ? {button: button, header: button.closest(".app-header")} : null;
    }
    function setOpen(open) {
        var p = parts();
        if (!p) { return; }
        p.button.setAttribute("aria-expanded", open ? "true" : "false");
        p.header.classList.toggle("menu-open", open);
    }
    document.addEventListener("click", function (event) {
        var target = event.target;
        if (!target.closest) { return; }
        if (target.closest("#menu-button")) {
            setOpen(target.closest("#menu-button").getAttribute("aria-expanded") !== "true");
        } else if (target.closest(".app-header .nav a")) {
            setOpen(false);
        }
    });
    document.addEventListener("keydown", function (event) {
        var p = parts();
        if (event.key === "Escape" && p && p.button.getAttribute("aria-expanded") === "true") {
            setOpen(false);
            p.button.focus();
        }
    });
    function repairTables() {
        document.querySelectorAll("table.data-table:not([tabindex])").forEach(function (table) {
            if (!table.closest(".table-scroll")) { table.setAttribute("tabindex", "0"); }
        });
    }
    var pending = false;
    new MutationObserver(function () {
        if (pending) { return; }
        pending = true;
        window.requestAnimationFrame(function () { pending = false; repairTables(); });
    }).observe(document.documentElement, {subtree: true, childList: true});
})();
