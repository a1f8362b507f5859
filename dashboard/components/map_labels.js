// Locality names that never overlap each other (issue #12 item c; decision 74). Loaded after
// map_frame.js, which binds each name as a permanent tooltip (class ``ort-label``, pane
// ``ortLabels``) to its dot and exposes the dots as ``window.allasMap.points``. After every zoom,
// move, resize or fit, and when the legend changes size, the names are placed the most important
// first, each in the cheapest of sixteen places around its dot that no name placed before it
// takes: never cut by the frame or under the legend or a control, preferably not over another dot
// or nearer another dot than its own. A name left without a place gets one if moving a single name
// that blocks it makes room. If some names still find none, all are drawn smaller and laid out
// again; only a name that then finds no place is hidden: its dot shows it while the pointer is on
// the dot, and the dot, its area and the locality's panel still name it.
(function () {
  'use strict';
  var view = window.allasMap;
  if (!view || !view.map) { return; }
  var map = view.map;

  // Who wins a crowded spot: the larger population first (SCB's latest counts, 2020–2024: Vimmerby
  // 8 200, Södra Vi 1 100, Storebro 1 000, Frödinge 990, Locknevi 550, Gullringen 510, Rumskulla
  // 500, Djursdala 410, Tuna 240, Pelarne 210). A locality not listed (staff may add one) comes
  // after these, exactly placed before approximately placed, then in the data's order.
  var PRIORITY = ['vimmerby', 'sodra-vi', 'storebro', 'frodinge', 'locknevi', 'gullringen', 'rumskulla',
                  'djursdala', 'tuna', 'pelarne'];
  var HIDDEN = 'ort-label-hidden', PEEK = 'ort-label-peek', COMPACT = 'ort-labels-compact';
  var PAD = 2;         // clear space kept between two names, and between a name and a dot
  var EDGE = 4;        // a name this close to the frame's edge is less well placed
  var COVERS = 100000; // the cost of a place over another dot's middle, where a person presses to pick it
  var NEARER = 1000;   // the cost of a place nearer another dot than its own: it would seem that dot's name
  // The places tried, in order: beside the dot (right, then left), above, below, the four
  // diagonals, then beside it slid up or down by half a name and above or below slid sideways by
  // a quarter. Each gives the box's top-left corner for a box w × h, a dot of reach r at (0, 0).
  var SIDES = [
    {name: 'right', at: function (w, h, r) { return [r, -h / 2]; }},
    {name: 'left', at: function (w, h, r) { return [-r - w, -h / 2]; }},
    {name: 'top', at: function (w, h, r) { return [-w / 2, -r - h]; }},
    {name: 'bottom', at: function (w, h, r) { return [-w / 2, r]; }},
    {name: 'top-right', at: function (w, h, r) { return [0.7 * r, -0.7 * r - h]; }},
    {name: 'bottom-right', at: function (w, h, r) { return [0.7 * r, 0.7 * r]; }},
    {name: 'top-left', at: function (w, h, r) { return [-0.7 * r - w, -0.7 * r - h]; }},
    {name: 'bottom-left', at: function (w, h, r) { return [-0.7 * r - w, 0.7 * r]; }},
    {name: 'right-up', at: function (w, h, r) { return [r, -h]; }},
    {name: 'right-down', at: function (w, h, r) { return [r, 0]; }},
    {name: 'left-up', at: function (w, h, r) { return [-r - w, -h]; }},
    {name: 'left-down', at: function (w, h, r) { return [-r - w, 0]; }},
    {name: 'top-east', at: function (w, h, r) { return [-w / 4, -r - h]; }},
    {name: 'top-west', at: function (w, h, r) { return [-3 * w / 4, -r - h]; }},
    {name: 'bottom-east', at: function (w, h, r) { return [-w / 4, r]; }},
    {name: 'bottom-west', at: function (w, h, r) { return [-3 * w / 4, r]; }}
  ];

  // Our own constant rules (no text from people or files): a hidden name takes no room and no
  // clicks; the dot under the pointer shows it again, above the other names.
  // Where the names do not all fit at their usual size (a phone), they are first drawn smaller
  // (COMPACT on the map's container) and laid out again; only then is a name hidden.
  var style = document.createElement('style');
  style.textContent =
    '.leaflet-tooltip.ort-label.' + HIDDEN + ' { display: none; }\n' +
    '.leaflet-tooltip.ort-label.' + HIDDEN + '.' + PEEK + ' { display: block; z-index: 1; }\n' +
    '.' + COMPACT + ' .leaflet-tooltip.ort-label { font-size: 13px; line-height: 1.15; padding: 1px 4px; }\n';
  document.head.appendChild(style);

  function rank(id, index, approximate) {
    var fixed = PRIORITY.indexOf(id);
    if (fixed >= 0) { return fixed; }
    return PRIORITY.length + (approximate ? 100000 : 0) + index;
  }

  // The labelled dots, most important first.
  function labelled() {
    var list = [];
    Object.keys(view.points).forEach(function (id, index) {
      var layer = view.points[id], tooltip = layer.getTooltip && layer.getTooltip();
      if (!tooltip || !tooltip.options.permanent) { return; }
      var approximate = Boolean(layer.feature && layer.feature.properties.approximate);
      list.push({id: id, layer: layer, tooltip: tooltip, rank: rank(id, index, approximate)});
    });
    return list.sort(function (a, b) { return a.rank - b.rank; });
  }

  function box(left, top, width, height) {
    return {left: left, top: top, right: left + width, bottom: top + height};
  }
  function grown(b, by) {
    return {left: b.left - by, top: b.top - by, right: b.right + by, bottom: b.bottom + by};
  }
  function overlap(a, b) {
    var width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    var height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    return width > 0 && height > 0 ? width * height : 0;
  }

  // Boxes in the map container's coordinates of what a name must keep clear of: the legend
  // (drawn over the map by map_frame.js) and the zoom buttons, scale and attribution, which are
  // drawn above the names and would hide them.
  function obstacles() {
    var origin = map.getContainer().getBoundingClientRect();
    return Array.prototype.map.call(document.querySelectorAll('.map-legend, .leaflet-control'), function (node) {
      var r = node.getBoundingClientRect();
      return {left: r.left - origin.left, top: r.top - origin.top, right: r.right - origin.left,
              bottom: r.bottom - origin.top};
    }).filter(function (b) { return b.right > b.left && b.bottom > b.top; });
  }

  function reach(layer) {
    return layer.getRadius() + (layer.options.weight || 0) / 2 + PAD;
  }

  // Moves a name so its box's top-left corner is (dx, dy) from its dot's centre. Direction
  // 'center' has no CSS margin (Leaflet's other directions add 6 px), so the box is exactly there.
  // Always redrawn: Leaflet placed a hidden name (no width) as if it were a point when the map moved.
  function put(item, dx, dy, w, h) {
    item.tooltip.options.direction = 'center';
    item.tooltip.options.offset = [Math.round(dx + w / 2), Math.round(dy + h / 2)];
    item.tooltip.update();
  }

  var sides = {};

  // Each name's candidate places, as boxes in the map container's coordinates: those the frame
  // would cut or the legend or a control would cover are left out; the rest carry a cost (0 is a
  // clear place): what of them lies near the frame's edge or over another dot, much more for
  // covering another dot's middle (the spot a person presses to pick that locality: only where a
  // name has no other place, in a view zoomed far out) or lying nearer another dot than its own.
  function candidates(items, size, dots, obstacles) {
    var frame = box(0, 0, size.x, size.y), inner = box(EDGE, EDGE, size.x - 2 * EDGE, size.y - 2 * EDGE);
    return items.map(function (item, index) {
      var node = item.tooltip.getElement(), at = dots[index].at, r = reach(item.layer);
      var w = node.offsetWidth, h = node.offsetHeight, list = [];
      SIDES.forEach(function (side, order) {
        var corner = side.at(w, h, r), b = box(at.x + corner[0], at.y + corner[1], w, h);
        var area = w * h;
        if (area - overlap(b, frame) > 1) { return; }
        if (obstacles.some(function (o) { return overlap(b, o) > 0; })) { return; }
        var rims = 0, own = distance(at, b);
        dots.forEach(function (d, j) {
          if (j === index) { return; }
          if (overlap(b, d.core) > 0) { rims += COVERS; }
          rims += overlap(b, d.box);
          if (distance(d.at, b) <= own + r) { rims += NEARER; }  // reads as that dot's name
        });
        list.push({side: side.name, corner: corner, box: b, cost: area - overlap(b, inner) + rims,
                   order: order});
      });
      list.sort(function (a, b) { return a.cost - b.cost || a.order - b.order; });
      return {item: item, node: node, w: w, h: h, list: list, all: SIDES.map(function (side) {
        return side.at(w, h, r);
      })};
    });
  }

  // How far a point lies from a box (0 inside it).
  function distance(p, b) {
    return Math.hypot(Math.max(b.left - p.x, 0, p.x - b.right), Math.max(b.top - p.y, 0, p.y - b.bottom));
  }

  function clash(a, b) { return overlap(grown(a, PAD), b) > 0; }

  // The names placed most important first, each in its cheapest place that no name placed before
  // it takes; then each name left without a place gets one if moving a single name that blocks it
  // to another free place of its own makes room.
  function solve(names) {
    var chosen = names.map(function () { return null; });
    function freeOf(b, skip) {
      return names.every(function (n, j) { return j === skip[0] || j === skip[1] || !chosen[j] || !clash(b, chosen[j].box); });
    }
    names.forEach(function (name, i) {
      chosen[i] = name.list.find(function (c) { return freeOf(c.box, [i]); }) || null;
    });
    names.forEach(function (name, i) {
      if (chosen[i]) { return; }
      name.list.some(function (c) {
        var blockers = [];
        chosen.forEach(function (p, j) { if (p && clash(c.box, p.box)) { blockers.push(j); } });
        if (blockers.length !== 1) { return false; }
        var j = blockers[0];
        var moved = names[j].list.find(function (other) {
          return other !== chosen[j] && !clash(other.box, c.box) && freeOf(other.box, [i, j]);
        });
        if (!moved) { return false; }
        chosen[j] = moved;
        chosen[i] = c;
        return true;
      });
    });
    return chosen;
  }

  // Lays the names out at the size they are drawn; returns how many had to be hidden.
  function layoutOnce(items) {
    items.forEach(function (item) { item.tooltip.getElement().classList.remove(HIDDEN); });  // measured as drawn
    // Every dot: the box it covers on the screen, and its middle that a name must leave free.
    var dots = items.map(function (item) {
      var p = map.latLngToContainerPoint(item.layer.getLatLng()), r = item.layer.getRadius();
      return {box: box(p.x - r, p.y - r, 2 * r, 2 * r), core: box(p.x - r / 2, p.y - r / 2, r, r), at: p};
    });
    var names = candidates(items, map.getSize(), dots, obstacles()), hidden = 0;
    solve(names).forEach(function (place, i) {
      var name = names[i];
      // A hidden name sits where it would go alone, to be shown there while its dot is pointed at.
      var corner = place ? place.corner : (name.list[0] ? name.list[0].corner : name.all[0]);
      put(name.item, corner[0], corner[1], name.w, name.h);
      sides[name.item.id] = place ? place.side : null;
      name.node.classList.toggle(HIDDEN, !place);
      name.node.setAttribute('data-side', place ? place.side : 'hidden');
      hidden += place ? 0 : 1;
    });
    return hidden;
  }

  function layout() {
    var items = labelled().filter(function (item) { return item.tooltip.getElement(); });
    if (!items.length || !map._loaded) { return; }
    var container = map.getContainer();
    container.classList.remove(COMPACT);
    if (layoutOnce(items) > 0) {
      container.classList.add(COMPACT);
      layoutOnce(items);
    }
  }

  // Laid out once per frame at most, after what moved the map has finished drawing.
  var pending = null;
  function schedule() {
    if (pending !== null) { return; }
    pending = window.requestAnimationFrame(function () { pending = null; layout(); });
  }

  // A hidden name shows while the pointer is on its dot (or on the name itself, once shown).
  labelled().forEach(function (item) {
    item.layer.on('mouseover', function () {
      var node = item.tooltip.getElement();
      if (node) {
        node.classList.add(PEEK);
        if (node.classList.contains(HIDDEN)) { item.tooltip.update(); }  // placed while it had no width
      }
    });
    item.layer.on('mouseout', function () {
      var node = item.tooltip.getElement();
      if (node) { node.classList.remove(PEEK); }
    });
  });

  map.on('zoomend moveend resize viewreset', schedule);
  window.addEventListener('resize', schedule);
  window.addEventListener('load', schedule);
  // The legend folds and unfolds, or is redrawn for other values (allasMap.apply): what it covers
  // changes without the map moving. Watched by its size, and by the body for a legend drawn anew.
  var watched = null;
  var sized = window.ResizeObserver ? new ResizeObserver(schedule) : null;
  function watchLegend() {
    var legend = document.querySelector('.map-legend');
    if (sized && legend && legend !== watched) {
      if (watched) { sized.unobserve(watched); }
      sized.observe(legend);
      watched = legend;
    }
  }
  if (window.MutationObserver) {
    new MutationObserver(function () { watchLegend(); schedule(); }).observe(document.body, {childList: true});
  }
  watchLegend();
  if (document.fonts && document.fonts.ready) { document.fonts.ready.then(schedule); }
  layout();

  // For the browser tests and a console: lay the names out now, and which side each took.
  view.labels = {layout: layout, sides: function () { return Object.assign({}, sides); }};
})();
