/* Draws a StaticTree (dashboard/components/static_tree.py): markup sent as data, nodes
   {t: tag, a: attributes, c: children} and strings, turned into React elements in one pass
   instead of one Dash component per element (issue #13 item 2).

   Strings are text nodes (React never reads them as markup). Only the attributes the server
   keeps are kept here too, and every URL is cleaned by Dash's own clean_url, as html.A does.
   A link marked data-app-link (a dcc.Link on the server) changes the page inside the app. */
(function () {
    var ATTRIBUTES = /^(className|title|alt|src|href|download|role|style|colSpan|rowSpan|scope|lang|hidden|tabIndex|target|rel|width|height|(data|aria)-[a-z][a-z0-9-]*)$/;
    var TAG = /^[a-z][a-z0-9]*$/;
    var VOID = {img: true, br: true, hr: true, col: true, wbr: true};
    var URLS = {href: true, src: true};

    function cleanUrl(url) {
        var clean = window.dash_clientside && window.dash_clientside.clean_url;
        if (clean) { return clean(url); }
        return /^\s*(javascript|vbscript):/i.test(String(url)) ? "about:blank" : url;
    }

    function followInApp(event) {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) { return; }
        var link = event.currentTarget;
        if (link.target && link.target !== "_self") { return; }
        event.preventDefault();
        window.history.pushState({}, "", link.getAttribute("href"));
        window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
        window.scrollTo(0, 0);
    }

    function element(React, node, key) {
        if (node === null || node === undefined) { return null; }
        if (typeof node !== "object") { return String(node); }
        var tag = String(node.t || "");
        if (!TAG.test(tag) || tag === "script" || tag === "style" || tag === "iframe") { return null; }
        var props = {key: key}, given = node.a || {};
        Object.keys(given).forEach(function (name) {
            if (!ATTRIBUTES.test(name)) { return; }
            var value = given[name];
            if (name === "style") {
                if (value && typeof value === "object") { props.style = value; }
                return;
            }
            props[name] = URLS[name] ? cleanUrl(value) : value;
        });
        if (tag === "a" && given["data-app-link"]) { props.onClick = followInApp; }
        if (VOID[tag]) { return React.createElement(tag, props); }
        var children = (node.c || []).map(function (child, i) { return element(React, child, i); });
        return React.createElement.apply(React, [tag, props].concat(children));
    }

    function StaticTree(props) {
        var React = window.React;
        var nodes = props.tree || [];
        return React.createElement.apply(React, [React.Fragment, null].concat(
            nodes.map(function (node, i) { return element(React, node, i); })));
    }

    window.allas_static = Object.assign(window.allas_static || {}, {StaticTree: StaticTree});
})();
