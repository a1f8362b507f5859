// The map's layers, legend, tooltips and popups, built in the browser from the JSON data island
// <script type="application/json" id="map-data"> that dashboard/components/map_view.py writes after folium
// has rendered the map's frame. Every text a person or a file supplied is set with textContent,
// never as HTML, and never passes through a template engine on the server (folium/branca
// re-render their HTML as Jinja templates, so people's text must not go there).
//
// The island holds the geometry (drawn once) and the values (fills, tooltips, legend, markers).
// ``allasMap.apply(values)`` restyles the map in place with new values: the map page sends only
// those when the indicator, year, weights or filters change (decision 72). Values the page sent
// before this frame had loaded wait in ``window.parent.allasMapPending`` and are applied at start.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('map-data').textContent);
  var geometry = data.geometry, current = null;
  var map = window[data.map];
  var areaLayers = {}, pointLayers = {}, pressedOn = null, selected = null;
  var areaIds = geometry.areas.features.map(function (f) { return f.properties.id; });
  var tipIndex = {};
  geometry.ids.forEach(function (id, i) { tipIndex[id] = i; });
  var fillOf = {};

  // The zoom buttons titled in the page's language, and the attribution without Leaflet's English
  // link title (and without a link out: the map works offline).
  L.control.zoom({position: 'topright', zoomInTitle: data.messages.zoomIn, zoomOutTitle: data.messages.zoomOut})
    .addTo(map);
  if (map.attributionControl) { map.attributionControl.setPrefix('Leaflet'); }

  // Kilometres only: Leaflet's default bar adds miles, and a Swede reads "5 mi" as 50 km.
  L.control.scale({metric: true, imperial: false, maxWidth: 160}).addTo(map);

  // The names get a pane of their own above the tooltips' (650) and below the popups' (700):
  // a hover tooltip can never hide a name, and a name is always the topmost thing where it is
  // drawn, so pressing it reaches its own locality and not the area underneath.
  map.createPane('ortLabels').style.zIndex = 660;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  // A locality's tooltip from the current values: its name, then its lines, each joined from parts.
  function tipFor(id) {
    var i = tipIndex[id], parts = current.parts;
    var rows = i === undefined ? [] : (current.tips[i] || []);
    return {
      title: i === undefined ? id : geometry.titles[i],
      lines: rows.map(function (line) { return line.map(function (p) { return parts[p]; }).join(''); })
    };
  }
  // Bound once; Leaflet calls it each time the tooltip opens, so it always shows the current values.
  function tooltipOf(id) {
    return function () { return tooltipContent(tipFor(id)); };
  }

  // A tooltip: a strong first line, then one line per entry, all as text.
  function tooltipContent(tip) {
    var box = element('div');
    box.appendChild(element('strong', null, tip.title));
    (tip.lines || []).forEach(function (line) {
      box.appendChild(document.createElement('br'));
      box.appendChild(document.createTextNode(line));
    });
    return box;
  }

  // Pressing a locality focuses the map, and the browser may then scroll the page to show the
  // whole map, moving it under the pointer: the browser's click is lost (press and release land
  // on different shapes) or, worse, lands on a neighbour. So the locality pressed is the one
  // selected, when the pointer is released where it was pressed on the screen (not a drag).
  function pressed(id) {
    return function (event) {
      pressedOn = {id: id, x: event.originalEvent.screenX, y: event.originalEvent.screenY};
    };
  }
  document.addEventListener('mouseup', function (event) {
    if (pressedOn && Math.abs(event.screenX - pressedOn.x) < 6 && Math.abs(event.screenY - pressedOn.y) < 6) {
      selectLocality(pressedOn.id);
    }
    pressedOn = null;
  }, true);
  // Focus the map without scrolling the page around it: Leaflet focuses the map on press (for
  // its keyboard controls) and does nothing more when it has the focus already. Without this the
  // page scrolls between press and release and a marker's click (its popup) is lost.
  document.addEventListener('mousedown', function (event) {
    var container = event.target.closest && event.target.closest('.leaflet-container');
    if (container && document.activeElement !== container) { container.focus({preventScroll: true}); }
  }, true);

  // Hover tooltips are placed where they cover no name, no legend or button and stay inside the
  // map: the place used last if it is still clear (no jumping about), else the clear place
  // nearest the pointer among boxes above, below, beside and diagonal to it, a step or a few
  // farther out, one that leaves the dots clear too if there is one; when no place is clear, the
  // one covering least. The gap keeps the box off the pointer itself. Names are drawn above
  // tooltips in any case (see the pane above), so a name is never hidden, only the tooltip's text.
  var MUST_SHOW = '.ort-label, .map-legend, .leaflet-control';
  var DOTS = '.ort-marker';
  var GAP = 14, BELOW = GAP + 8, STEP = 30, STEPS = 6;

  // Candidate offsets for a box of this size, as Leaflet's direction + offset, nearest first.
  function places(width, height) {
    var list = [], side = width / 2 + GAP;
    [-side, -width / 4, 0, width / 4, side].forEach(function (dx) {
      for (var out = 0; out < STEPS; out++) {
        list.push({direction: 'top', offset: [dx, -GAP - out * STEP],
                   distance: Math.hypot(dx, height / 2 + GAP + out * STEP)});
        list.push({direction: 'bottom', offset: [dx, BELOW + out * STEP],
                   distance: Math.hypot(dx, height / 2 + BELOW + out * STEP)});
      }
    });
    list.push({direction: 'right', offset: [GAP + 4, 0], distance: width / 2 + GAP + 4});
    list.push({direction: 'left', offset: [-GAP - 4, 0], distance: width / 2 + GAP + 4});
    return list.sort(function (a, b) { return a.distance - b.distance; });
  }

  // The box a place puts the tooltip in, on the screen, for a pointer at (x, y): Leaflet's rule.
  function boxAt(place, x, y, width, height) {
    var left = x + place.offset[0], top = y + place.offset[1];
    if (place.direction === 'top') { left -= width / 2; top -= height; }
    else if (place.direction === 'bottom') { left -= width / 2; }
    else if (place.direction === 'right') { top -= height / 2; }
    else { left -= width; top -= height / 2; }
    return {left: left, top: top, right: left + width, bottom: top + height};
  }

  function overlap(a, b) {
    var width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    var height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    return width > 0 && height > 0 ? width * height : 0;
  }

  function boxes(selector) {
    return Array.prototype.map.call(document.querySelectorAll(selector), function (node) {
      return node.getBoundingClientRect();
    });
  }

  function covering(box, obstacles) {
    var area = 0;
    obstacles.forEach(function (obstacle) { area += overlap(box, obstacle); });
    return area;
  }

  // Moves an open tooltip to the place chosen as above and returns that place (``last``: the one before).
  function placeClear(tooltip, last) {
    var node = tooltip.getElement(), width = node.offsetWidth, height = node.offsetHeight;
    var view = map.getContainer().getBoundingClientRect();
    var pointer = map.latLngToContainerPoint(tooltip.getLatLng());
    var x = view.left + pointer.x, y = view.top + pointer.y;
    var names = boxes(MUST_SHOW), dots = boxes(DOTS);
    // What the box would hide that must show, plus what of it the frame would cut off.
    function hides(place) {
      var box = boxAt(place, x, y, width, height);
      return covering(box, names) + width * height - overlap(box, view);
    }
    function hidesDots(place) { return covering(boxAt(place, x, y, width, height), dots); }

    var chosen = null;
    if (last && hides(last) === 0) {
      chosen = last;
    } else {
      var candidates = places(width, height), clear = null, least = null;
      for (var i = 0; i < candidates.length; i++) {
        var hidden = hides(candidates[i]);
        if (hidden === 0 && hidesDots(candidates[i]) === 0) { chosen = candidates[i]; break; }
        if (hidden === 0 && clear === null) { clear = candidates[i]; }
        if (least === null || hidden < least.hidden) { least = {place: candidates[i], hidden: hidden}; }
      }
      chosen = chosen || clear || least.place;
    }
    tooltip.options.direction = chosen.direction;
    tooltip.options.offset = chosen.offset;
    tooltip.update();
    return chosen;
  }

  var namesShown = geometry.points.features.some(function (f) { return f.properties.label; });

  function keepNamesClear(layer) {
    if (!namesShown) { return; }  // hundreds of unlabelled dots: nothing to keep clear, much to measure
    var last = null;
    // Registered after bindTooltip, so these run after Leaflet has moved the tooltip.
    layer.on('tooltipopen mousemove', function () {
      var tooltip = layer.getTooltip();
      if (tooltip && tooltip.isOpen()) { last = placeClear(tooltip, last); }
    });
  }

  function selectLocality(id) {
    highlightLocality(id);  // at once, before the panel is shown (issue #13 item 2)
    // The page decides whether its copy of the panels shows the choice or the server is asked
    // (assets/panel_choice.js, decisions 83 and 84). A map outside the app (an export) has no page.
    var page = window.parent;
    if (page && page.allasMapChoice) { page.allasMapChoice(id); }
  }
  // Restyles only the locality that was highlighted and the one now chosen (not every layer: with
  // 2,000 localities a click would redraw them all), and remembers which is drawn highlighted.
  // On the canvas (hundreds of localities) even one restyle redraws every shape in the region it
  // touches, 20–50 ms at 2,000 that held up the page's request: there the chosen locality is drawn
  // again, outlined, on a small SVG layer of its own above the canvas, and the canvas is left alone.
  var highlighted = null, overlay = null, overlayRenderer = null;
  function styleLocality(key, on) {
    if (renderer) { outlineOnTop(key, on); return; }
    if (areaLayers[key]) { areaLayers[key].setStyle({weight: on ? 5 : 1.5, color: on ? '#000' : '#333'}); }
    if (pointLayers[key]) { pointLayers[key].setRadius(on ? 13 : 9); }
  }
  function outlineOnTop(key, on) {
    if (overlay) { map.removeLayer(overlay); overlay = null; }
    if (!on) { return; }
    if (!overlayRenderer) {
      map.createPane('ortChosen').style.zIndex = 450;  // above the canvas (400), below markers (600)
      overlayRenderer = L.svg({pane: 'ortChosen'});
    }
    var shapes = [];
    if (areaLayers[key]) {
      shapes.push(L.geoJSON(areaLayers[key].feature, {renderer: overlayRenderer, interactive: false,
        style: {weight: 5, color: '#000', fill: false, className: 'ort-chosen-area ort-chosen-area-' + key}}));
    }
    if (pointLayers[key]) {
      var dot = pointLayers[key].options;
      shapes.push(L.circleMarker(pointLayers[key].getLatLng(), {renderer: overlayRenderer, interactive: false,
        radius: 13, color: '#000', weight: 2, fill: true, fillOpacity: 1, fillColor: dot.fillColor,
        dashArray: dot.dashArray, className: 'ort-chosen-dot ort-chosen-dot-' + key}));
    }
    overlay = L.layerGroup(shapes).addTo(map);
  }
  function highlightLocality(id) {
    selected = id;
    if (highlighted !== null && highlighted !== id) { styleLocality(highlighted, false); }
    if (id !== null && id !== undefined) { styleLocality(id, true); }
    highlighted = id === undefined ? null : id;
  }
  // For the page (assets/map_highlight.js): the locality its panel shows; nothing is redrawn
  // when it is the one drawn highlighted already (the click on the map did that at once).
  window.highlightLocality = function (id) {
    if ((id === undefined ? null : id) !== highlighted) { highlightLocality(id); }
  };

  current = data.values;
  areaIds.forEach(function (id, i) { fillOf[id] = current.palette[current.fills[i]]; });

  L.geoJSON(geometry.boundary, {interactive: false, style: {color: '#111', weight: 3, fill: false}}).addTo(map);

  // Hundreds of localities (unlabelled, see map_view.MAX_PERMANENT_LABELS) are drawn on one canvas:
  // thousands of SVG elements made the first load and every restyle slow (issue #13). The real ten
  // stay SVG, with their CSS classes.
  var renderer = namesShown ? undefined : L.canvas({padding: 0.5, tolerance: 3});

  L.geoJSON(geometry.areas, {
    renderer: renderer,
    style: function (feature) {
      return {fillColor: fillOf[feature.properties.id], fillOpacity: 0.78, color: '#333', weight: 1.5,
              className: 'ort-area ort-area-' + feature.properties.id};
    },
    onEachFeature: function (feature, layer) {
      var id = feature.properties.id;
      areaLayers[id] = layer;
      layer.bindTooltip(tooltipOf(id), {sticky: true, className: 'ort-tooltip'});
      keepNamesClear(layer);
      layer.on('mousedown', pressed(id));
      layer.on('mouseover', function () { layer.setStyle({weight: 4, color: '#000'}); });
      layer.on('mouseout', function () {
        // Back to how the choice draws it: outlined in place as SVG, or plain under the canvas's
        // overlay (styleLocality), so leaving the chosen area never restyles the canvas outline.
        var on = id === highlighted && !renderer;
        layer.setStyle({weight: on ? 5 : 1.5, color: on ? '#000' : '#333'});
      });
    }
  }).addTo(map);

  L.geoJSON(geometry.points, {
    pointToLayer: function (feature, latlng) {
      var approximate = feature.properties.approximate;
      return L.circleMarker(latlng, {
        radius: 9, color: '#000', weight: 2, fill: true, fillOpacity: 1,
        fillColor: approximate ? '#fff' : '#000', dashArray: approximate ? '3 3' : null,
        className: 'ort-marker ort-' + feature.properties.id, renderer: renderer
      });
    },
    onEachFeature: function (feature, layer) {
      var id = feature.properties.id;
      pointLayers[id] = layer;
      if (feature.properties.label) {
        // Interactive: a press on the name is a press on its dot (Leaflet makes the dot the
        // tooltip's event parent). A plain tooltip lets the press through to whatever area lies
        // under the name, which to the right of a dot is often a neighbour's: issue #12.
        layer.bindTooltip(element('span', null, feature.properties.label),
          {permanent: true, interactive: true, pane: 'ortLabels', direction: 'right', offset: [10, 0],
           className: 'ort-label ort-label-' + id});
      } else {
        layer.bindTooltip(tooltipOf(id), {className: 'ort-tooltip'});
      }
      layer.on('mousedown', pressed(id));
    }
  }).addTo(map);

  // The initiatives' and ideas' markers: map_markers.js (window.allasMarkers), loaded before this.
  window.allasMarkers.show(map, current.initiatives);

  // The legend: our own colours, people's words as text. Its title is a button that folds it
  // away (folded from the start on a phone-sized frame, where it would hide the municipality).
  var legend = element('div', 'map-legend');
  legend.setAttribute('role', 'region');
  var heading = element('h2');
  var toggle = element('button', 'legend-toggle');
  toggle.type = 'button';
  toggle.setAttribute('aria-controls', 'map-legend-body');
  heading.appendChild(toggle);
  legend.appendChild(heading);
  var legendBody = element('div', 'legend-body');
  legendBody.id = 'map-legend-body';
  legend.appendChild(legendBody);
  // The legend's words and rows for ``content``, replacing those drawn before (folded stays folded).
  function drawLegend(content) {
    legend.setAttribute('aria-label', content.title);
    toggle.textContent = String(content.title);
    while (legendBody.firstChild) { legendBody.removeChild(legendBody.firstChild); }
    content.rows.forEach(function (row) {
      var line = element('div', 'row');
      var swatch = element('span', 'swatch');
      swatch.style.background = row.colour;
      line.appendChild(swatch);
      line.appendChild(element('span', null, row.label));
      legendBody.appendChild(line);
    });
    content.notes.forEach(function (note) { legendBody.appendChild(element('div', 'note', note)); });
  }
  drawLegend(current.legend);
  function fold(folded) {
    legendBody.hidden = folded;
    legend.classList.toggle('folded', folded);
    toggle.setAttribute('aria-expanded', folded ? 'false' : 'true');
  }
  fold(window.innerWidth < 560);
  toggle.addEventListener('click', function () { fold(!legendBody.hidden); });
  L.DomEvent.disableClickPropagation(legend);
  document.body.appendChild(legend);

  // Fit the municipality (or a slide's locality) beside the legend as it is drawn, whatever the
  // frame's size: to its right where there is room, else below it.
  function fitBesideLegend() {
    if (map._animatingZoom) {  // folium's own fit may still be zooming: fit when it has finished
      map.once('zoomend', fitBesideLegend);
      return;
    }
    map.invalidateSize({pan: false});  // Leaflet may have measured the frame before it had its size
    var box = legend.getBoundingClientRect(), width = window.innerWidth, height = window.innerHeight;
    var right = width - box.right > 0.55 * width;
    map.fitBounds(geometry.fit, {paddingTopLeft: right ? [box.right + 8, 8] : [8, box.bottom + 8],
                             paddingBottomRight: [Math.min(70, 0.12 * width), 24], animate: false});
  }
  fitBesideLegend();
  window.addEventListener('load', fitBesideLegend);
  var resized = null;
  window.addEventListener('resize', function () {  // a phone turned, a slide gone full screen
    window.clearTimeout(resized);
    resized = window.setTimeout(fitBesideLegend, 150);
  });

  // The map and its layers by locality id, for the browser tests (tests/dashboard/test_map_clicks.py)
  // that zoom to a locality and find where its area shows, and for anyone debugging in a console.
  // ``markers`` (initiatives and residents' ideas by id) and ``cluster`` let tests open a marker's popup.
  // New values for the same geometry, restyled in place: fills, tooltips, legend, markers, and
  // the selection's highlight again. Values made for another frame (``values.frame``, the key of
  // the geometry they align with) are left alone: a new frame is on its way with them.
  function apply(values) {
    if (!values || (values.frame && data.key && values.frame !== data.key)) { return false; }
    current = values;
    areaIds.forEach(function (id, i) {
      fillOf[id] = values.palette[values.fills[i]];
      if (areaLayers[id]) { areaLayers[id].setStyle({fillColor: fillOf[id]}); }
    });
    [areaLayers, pointLayers].forEach(function (layers) {
      Object.keys(layers).forEach(function (id) {
        var tooltip = layers[id].getTooltip();
        if (tooltip && tooltip.isOpen() && !tooltip.options.permanent) { tooltip.update(); }
      });
    });
    drawLegend(values.legend);
    window.allasMarkers.show(map, values.initiatives);
    if (selected !== null) { highlightLocality(selected); }
    return true;
  }

  window.allasMap = {
    map: map, areas: areaLayers, points: pointLayers, apply: apply,
    get markers() { return window.allasMarkers.markers; },
    get cluster() { return window.allasMarkers.cluster; }
  };

  // Values the map page received while this frame was still loading (see map_callbacks.py); only
  // a frame with a key takes them (a slide's or an exported map has none), and only its own.
  try {
    var pending = window.parent !== window ? window.parent.allasMapPending : null;
    if (data.key && pending && pending.frame === data.key) { apply(pending); }
  } catch (e) { /* opened on its own, outside the dashboard */ }

  window.addEventListener('load', function () {
    try {
      highlightLocality(new URLSearchParams(window.parent.location.search).get('ort'));
    } catch (e) { /* opened on its own, outside the dashboard */ }
  });
})();
