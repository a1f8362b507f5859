/* Keyboard for presentation mode: arrows, space, Page Up/Down and Esc.
   It only clicks the page's own buttons, so the keyboard and the mouse take the same path. */
document.addEventListener("keydown", function (event) {
    if (!document.getElementById("pres-stage")) { return; }
    var tag = (event.target && event.target.tagName) || "";
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(tag) || (event.target && event.target.isContentEditable)) { return; }
    var next = ["ArrowRight", "ArrowDown", "PageDown", " "].indexOf(event.key) !== -1;
    var prev = ["ArrowLeft", "ArrowUp", "PageUp"].indexOf(event.key) !== -1;
    if (next || prev) {
        var button = document.getElementById(next ? "pres-next" : "pres-prev");
        if (button) { button.click(); event.preventDefault(); }
    } else if (event.key === "Escape" && !document.fullscreenElement) {
        window.location.assign("/");
    }
});
