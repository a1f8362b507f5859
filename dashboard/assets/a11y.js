/* Accessibility repairs for markup that Dash 4's own components produce and the app
   cannot set through their props (found by the axe-core test, tests/dashboard/test_accessibility.py):
   - the dropdowns' hidden focus helper is focusable but aria-hidden: give it a name instead;
   - a one-option checklist is a checkbox, not a listbox of options with a checkbox inside;
   - the slider handle needs the name of the label above it;
   - tables in a sideways-scrolling box need the box to be focusable;
   - a number field's "−" and "+" buttons are named in English by Dash ("Decrease value"): they
     are named in the reader's language (the shell's data-stepper-* attributes, from the catalogue). */
(function () {
    function labelFor(element) {
        var control = element.closest(".control, .field");
        var label = control && control.querySelector("label[for], label");
        return label ? label.textContent.trim() : "";
    }
    function repair(root) {
        root.querySelectorAll(".dash-dropdown-focus-target[aria-hidden]").forEach(function (input) {
            input.removeAttribute("aria-hidden");
            var name = labelFor(input);
            if (name) { input.setAttribute("aria-label", name); }
        });
        root.querySelectorAll(".dash-checklist[role=listbox]").forEach(function (list) {
            list.removeAttribute("role");
            list.querySelectorAll("[role=option]").forEach(function (option) {
                option.removeAttribute("role");
                option.removeAttribute("aria-selected");
            });
        });
        root.querySelectorAll(".table-scroll:not([tabindex])").forEach(function (region) {
            // A table that scrolls sideways must be reachable by keyboard, and say what it is.
            region.setAttribute("tabindex", "0");
            region.setAttribute("role", "region");
            var heading = region.parentElement && region.parentElement.querySelector("h2, h3, h4");
            region.setAttribute("aria-label", heading ? heading.textContent.trim() : "Tabell");
        });
        var app = document.querySelector(".app[data-stepper-decrease]");
        if (app) {
            [["dash-stepper-decrement", "data-stepper-decrease"], ["dash-stepper-increment", "data-stepper-increase"]]
                .forEach(function (pair) {
                    var name = app.getAttribute(pair[1]);
                    root.querySelectorAll("." + pair[0]).forEach(function (button) {
                        if (button.getAttribute("aria-label") !== name) { button.setAttribute("aria-label", name); }
                    });
                });
        }
        root.querySelectorAll("[role=slider]:not([aria-label])").forEach(function (thumb) {
            var name = labelFor(thumb);
            if (name) { thumb.setAttribute("aria-label", name); }
        });
    }
    var pending = false;
    new MutationObserver(function () {
        if (pending) { return; }
        pending = true;
        window.requestAnimationFrame(function () { pending = false; repair(document); });
    }).observe(document.documentElement, {subtree: true, childList: true, attributes: true,
                                            attributeFilter: ["aria-hidden", "role", "aria-label"]});
    document.addEventListener("DOMContentLoaded", function () { repair(document); });
})();
