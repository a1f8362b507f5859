// The initiative form's place picker: a small Leaflet map of one locality's area, in an srcdoc frame
// of the groups page (dashboard/components/point_picker.py writes the frame and its JSON data island).
// A click inside the area puts a marker there, and dragging moves it; a click or a drop outside is
// refused with a message and the marker stays where it was. The chosen point is written into the
// form's latitude and longitude fields through Dash (set_props), so typing there is the other way
// to place it: the groups page calls allasPicker.show(lat, lon) when the fields change. The server
// checks the point against the exact area again on saving; this map draws the simplified one.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('map-data').textContent);
  var note = document.getElementById('picker-note');
  var map = L.map('picker-map', {zoomSnap: 0.25, minZoom: 6, maxZoom: 18, zoomControl: false});
  var marker = null, before = null;

  // The zoom buttons' tooltips in the page's language (Leaflet's own say "Zoom in"), and the
  // attribution without Leaflet's English link title.
  L.control.zoom({zoomInTitle: data.messages.zoomIn, zoomOutTitle: data.messages.zoomOut}).addTo(map);
  map.attributionControl.setPrefix('Leaflet');  // no link out: the app works offline

  L.control.scale({metric: true, imperial: false, maxWidth: 120}).addTo(map);
  if (data.boundary) {
    L.geoJSON(data.boundary, {interactive: false, style: {color: '#555', weight: 1.5, fill: false}}).addTo(map);
  }
  var outline = L.geoJSON(data.area, {
    interactive: false,
    style: {color: '#111', weight: 3, fillColor: '#1b7837', fillOpacity: 0.12, className: 'picker-area'}
  }).addTo(map);
  map.fitBounds(outline.getBounds(), {padding: [10, 10]});

  function say(message, refused) {
    note.textContent = message || '';
    note.className = refused ? 'refused' : '';
  }
  say(data.messages.help, false);

  // Even-odd ray casting over every ring, so holes in the area count as outside.
  function inRing(ring, lat, lon) {
    var inside = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
      if ((yi > lat) !== (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) { inside = !inside; }
    }
    return inside;
  }
  function inside(lat, lon) {
    var geometry = data.area && data.area.geometry;
    if (!geometry) { return false; }
    var polygons = geometry.type === 'MultiPolygon' ? geometry.coordinates : [geometry.coordinates];
    return polygons.some(function (rings) {
      var count = 0;
      rings.forEach(function (ring) { if (inRing(ring, lat, lon)) { count++; } });
      return count % 2 === 1;
    });
  }

  // The number as the form shows it: six decimals at most, a decimal comma in Swedish.
  function written(value) {
    var text = value.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
    return data.decimalComma ? text.replace('.', ',') : text;
  }
  // The form's own rule (indicators/core/numbers.py), enough to follow what is typed.
  function parsed(value) {
    if (value === null || value === undefined) { return null; }
    var text = String(value).trim().replace(/[\s\u00a0\u202f]/g, '').replace('\u2212', '-');
    if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(text)) { return null; }
    return parseFloat(text.replace(',', '.'));
  }

  function send(latlng) {
    var dash = window.parent && window.parent.dash_clientside;
    if (dash && dash.set_props) {
      dash.set_props(data.latInput, {value: written(latlng.lat)});
      dash.set_props(data.lonInput, {value: written(latlng.lng)});
    }
  }

  function place(latlng) {
    if (marker) { marker.setLatLng(latlng); return; }
    marker = L.marker(latlng, {draggable: true, title: data.messages.marker, alt: data.messages.marker});
    marker.on('dragstart', function () { before = marker.getLatLng(); });
    marker.on('dragend', function () {
      var at = marker.getLatLng();
      if (inside(at.lat, at.lng)) {
        send(at);
        say(data.messages.placed, false);
      } else {
        marker.setLatLng(before);
        say(data.messages.outside, true);
      }
    });
    marker.addTo(map);
  }

  map.on('click', function (event) {
    if (inside(event.latlng.lat, event.latlng.lng)) {
      place(event.latlng);
      send(event.latlng);
      say(data.messages.placed, false);
    } else {
      say(data.messages.outside, true);
    }
  });

  // Follow the form's fields: typed coordinates inside the area move the marker; empty fields remove it.
  function show(latText, lonText) {
    var lat = parsed(latText), lon = parsed(lonText);
    if (lat !== null && lon !== null) {
      if (inside(lat, lon)) {
        place(L.latLng(lat, lon));
      } else {
        remove();
        say(data.messages.typedOutside, true);
      }
    } else if (!String(latText || '').trim() && !String(lonText || '').trim()) {
      remove();
      say(data.messages.help, false);
    }
  }
  function remove() {
    if (marker) { map.removeLayer(marker); marker = null; }
  }

  window.allasPicker = {map: map, show: show, inside: inside,
                        marker: function () { return marker; }};
  try {
    var form = window.parent.document;
    show(form.getElementById(data.latInput).value, form.getElementById(data.lonInput).value);
  } catch (e) { /* opened on its own, outside the dashboard */ }
})();
