// The map's layers, legend, tooltips and popups, built in the browser from the JSON data island
// <script type="application/json" id="map-data"> that dashboard/components/map_view.py writes after folium
// has rendered the map's frame. Every text a person or a file supplied is set with textContent,
// never as HTML, and never passes through a template engine on the server (folium/branca
// re-render their HTML as Jinja templates, so people's text must not go there).
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('map-data').textContent);
  var map = window[data.map];
  var areaLayers = {}, pointLayers = {}, pressedOn = null;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
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

  function selectLocality(id) {
    var dash = window.parent && window.parent.dash_clientside;
    if (dash && dash.set_props) {
      dash.set_props(data.clickStore, {data: {id: id, at: Date.now()}});
    }
  }
  function highlightLocality(id) {
    Object.keys(areaLayers).forEach(function (key) {
      var on = key === id;
      areaLayers[key].setStyle({weight: on ? 5 : 1.5, color: on ? '#000' : '#333'});
      if (pointLayers[key]) { pointLayers[key].setRadius(on ? 13 : 9); }
    });
  }
  window.highlightLocality = highlightLocality;

  L.geoJSON(data.boundary, {interactive: false, style: {color: '#111', weight: 3, fill: false}}).addTo(map);

  L.geoJSON(data.areas, {
    style: function (feature) {
      return {fillColor: feature.properties.fill, fillOpacity: 0.78, color: '#333', weight: 1.5};
    },
    onEachFeature: function (feature, layer) {
      var id = feature.properties.id;
      areaLayers[id] = layer;
      layer.bindTooltip(tooltipContent(data.tooltips[id]), {sticky: true, className: 'ort-tooltip'});
      layer.on('mousedown', pressed(id));
      layer.on('mouseover', function () { layer.setStyle({weight: 4, color: '#000'}); });
      layer.on('mouseout', function () {
        var selected = null;
        try { selected = new URLSearchParams(window.parent.location.search).get('ort'); } catch (e) { /* alone */ }
        layer.setStyle({weight: id === selected ? 5 : 1.5, color: id === selected ? '#000' : '#333'});
      });
    }
  }).addTo(map);

  L.geoJSON(data.points, {
    pointToLayer: function (feature, latlng) {
      var approximate = feature.properties.approximate;
      return L.circleMarker(latlng, {
        radius: 9, color: '#000', weight: 2, fill: true, fillOpacity: 1,
        fillColor: approximate ? '#fff' : '#000', dashArray: approximate ? '3 3' : null,
        className: 'ort-marker ort-' + feature.properties.id
      });
    },
    onEachFeature: function (feature, layer) {
      var id = feature.properties.id;
      pointLayers[id] = layer;
      if (feature.properties.label) {
        layer.bindTooltip(element('span', null, feature.properties.label),
          {permanent: true, direction: 'right', offset: [10, 0], className: 'ort-label'});
      } else {
        layer.bindTooltip(tooltipContent(data.tooltips[id]), {className: 'ort-tooltip'});
      }
      layer.on('mousedown', pressed(id));
    }
  }).addTo(map);

  function popupContent(popup) {
    var box = element('div', 'ini-popup');
    box.appendChild(element('h3', null, popup.title));
    popup.rows.forEach(function (row) {
      var line = element('p');
      if (row.label) {
        line.appendChild(element('strong', null, row.label + ':'));
        line.appendChild(document.createTextNode(' '));
      }
      line.appendChild(document.createTextNode(row.text));
      box.appendChild(line);
    });
    return box;
  }

  if (data.initiatives && data.initiatives.features.length) {
    var cluster = L.markerClusterGroup({maxClusterRadius: 40, showCoverageOnHover: false});
    L.geoJSON(data.initiatives, {
      pointToLayer: function (feature, latlng) {
        var p = feature.properties;
        var shape = element('span', 'ini ini-' + p.status);
        shape.style.background = p.colour;
        // The title is set as a DOM property by Leaflet, never parsed as HTML.
        return L.marker(latlng, {
          title: p.title,
          icon: L.divIcon({className: 'ini-icon', iconSize: [18, 18], html: shape})
        });
      },
      onEachFeature: function (feature, layer) {
        layer.bindPopup(popupContent(feature.properties.popup), {maxWidth: 320});
      }
    }).addTo(cluster);
    cluster.addTo(map);
  }

  // The legend: our own colours, people's words as text.
  var legend = element('div', 'map-legend');
  legend.setAttribute('role', 'region');
  legend.setAttribute('aria-label', data.legend.title);
  legend.appendChild(element('h2', null, data.legend.title));
  data.legend.rows.forEach(function (row) {
    var line = element('div', 'row');
    var swatch = element('span', 'swatch');
    swatch.style.background = row.colour;
    line.appendChild(swatch);
    line.appendChild(element('span', null, row.label));
    legend.appendChild(line);
  });
  data.legend.notes.forEach(function (note) { legend.appendChild(element('div', 'note', note)); });
  document.body.appendChild(legend);

  window.addEventListener('load', function () {
    try {
      highlightLocality(new URLSearchParams(window.parent.location.search).get('ort'));
    } catch (e) { /* opened on its own, outside the dashboard */ }
  });
})();
