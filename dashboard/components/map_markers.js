// The initiatives' and residents' ideas' markers on the map, clustered (Leaflet.markercluster).
// Loaded before map_frame.js, which calls ``window.allasMarkers.show(map, payload)`` with the
// markers' compact payload (dashboard/views/map_markers.py: shared tables, then columns per kind);
// calling it again replaces the markers drawn before (a new filter). A popup is built when it
// opens, from the columns and the tables; an initiative's description, the one long text, is
// fetched then (or read from the payload, in the standalone export, which carries them all).
// Every text is set as text (textContent or a DOM property), never as HTML.
(function () {
  'use strict';

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  // Links to the app's pages only where they lead somewhere: not in a map file opened on its own (the export).
  var inDashboard = window.parent !== window;

  // One icon per shape and colour, shared by every marker that looks alike; each marker still gets
  // its own element (createIcon is called per marker as it is drawn), so nothing is moved between them.
  var ShapeIcon = L.DivIcon.extend({
    createIcon: function (oldIcon) {
      var div = L.DivIcon.prototype.createIcon.call(this, oldIcon);
      var shape = element('span', this.options.shape);
      shape.style.background = this.options.colour;
      div.appendChild(shape);
      return div;
    }
  });
  var icons = {};
  function iconFor(shape, colour, size) {
    var key = shape + ' ' + colour;
    if (!icons[key]) {
      icons[key] = new ShapeIcon({className: 'ini-icon', iconSize: [size, size], html: '', shape: shape, colour: colour});
    }
    return icons[key];
  }

  function row(box, label, text) {
    var line = element('p');
    if (label) {
      line.appendChild(element('strong', null, label + ':'));
      line.appendChild(document.createTextNode(' '));
    }
    line.appendChild(document.createTextNode(text));
    box.appendChild(line);
    return line;
  }

  function linkRow(box, label, text, href) {
    if (!inDashboard) { return row(box, label, text); }
    var line = element('p');
    if (label) {
      line.appendChild(element('strong', null, label + ':'));
      line.appendChild(document.createTextNode(' '));
    }
    var link = element('a', null, text);  // our own address (an idea on the ideas page), set as a property
    link.href = href;
    link.target = '_top';  // the whole page goes there
    line.appendChild(link);
    box.appendChild(line);
    return line;
  }

  function ideaHref(payload, locality, id) {
    var page = locality === null || locality === undefined ? payload.ideas_page : payload.idea_pages[locality];
    return page + '#idea-' + id;
  }

  // Descriptions fetched since the markers were last drawn, by initiative id: a popup opened again
  // does not ask again; new markers (new values for the map) ask afresh, so an edit shows.
  var descriptions = {};

  function initiativePopup(payload, i) {
    var c = payload.initiatives, words = payload.words, id = c.id[i];
    var box = element('div', 'ini-popup');
    box.appendChild(element('h3', null, c.title[i]));
    row(box, words.locality, payload.localities[c.locality[i]]);
    var status = c.status_labels[c.status[i]];
    if (c.progress[i] !== null && c.progress[i] !== undefined) { status += ' (' + c.progress[i] + ' %)'; }
    row(box, words.status, status);
    if (c.areas[i].length) {
      row(box, words.areas, c.areas[i].map(function (a) { return payload.areas[a]; }).join(', '));
    }
    var place = element('p');  // where the description goes, before the origin's row
    place.hidden = true;
    box.appendChild(place);
    var origin = c.origins[String(id)];
    if (origin) { linkRow(box, words.from_idea, origin[0], ideaHref(payload, origin[1], origin[2])); }
    function described(text) {
      if (text) { place.textContent = text; place.hidden = false; }
    }
    if (c.descriptions) {
      described(c.descriptions[i]);
    } else if (descriptions.hasOwnProperty(id)) {
      described(descriptions[id]);
    } else {
      // Complete once the description is in: until then the box is .ini-popup-pending (aria-busy).
      box.className = 'ini-popup-pending';
      box.setAttribute('aria-busy', 'true');
      var done = function (text) {
        descriptions[id] = text;
        described(text);
        box.className = 'ini-popup';
        box.removeAttribute('aria-busy');
        var marker = state.markers.initiative[id];
        if (marker && marker.getPopup()) { marker.getPopup().update(); }
      };
      fetch(c.description_path + encodeURIComponent(id), {credentials: 'same-origin'})
        .then(function (response) { return response.ok ? response.json() : {description: ''}; })
        .then(function (answer) { done(typeof answer.description === 'string' ? answer.description : ''); },
              function () { done(''); });
    }
    return box;
  }

  function ideaPopup(payload, i) {
    var c = payload.ideas, words = payload.words;
    var box = element('div', 'ini-popup');
    box.appendChild(element('h3', null, c.title[i]));
    row(box, words.idea, payload.localities[c.locality[i]]);
    row(box, words.status, c.status_lines[c.status[i]]);
    row(box, '', c.supports_text[String(c.supports[i])]);
    if (c.area[i] !== null && c.area[i] !== undefined) { row(box, words.areas, payload.areas[c.area[i]]); }
    if (inDashboard) {
      var more = element('p');
      var anchor = element('a', null, words.idea_link);
      anchor.href = ideaHref(payload, c.locality[i], c.id[i]);
      anchor.target = '_top';
      more.appendChild(anchor);
      box.appendChild(more);
    }
    return box;
  }

  var state = {markers: {initiative: {}, idea: {}}, cluster: null};

  // The markers of one kind: initiatives a shape by status, ideas a speech bubble (map_markers' styles).
  function markersOf(payload, kind, layers) {
    var c = payload[kind];
    if (!c || !c.id || !c.id.length) { return; }
    var idea = kind === 'ideas';
    var byId = state.markers[idea ? 'idea' : 'initiative'];
    c.id.forEach(function (id, i) {
      var status = c.statuses[c.status[i]];
      var area = idea ? c.area[i] : (c.areas[i].length ? c.areas[i][0] : null);
      var colour = area === null || area === undefined ? payload.no_area_colour : payload.colours[area];
      var icon = idea ? iconFor('res-idea res-idea-' + status, colour, 20) : iconFor('ini ini-' + status, colour, 18);
      // The title is set as a DOM property by Leaflet, never parsed as HTML.
      // Positions come in whole hundred-thousandths of a degree (5758712 is 57.58712).
      var marker = L.marker([c.lat_e5[i] / 1e5, c.lon_e5[i] / 1e5], {title: c.title[i], icon: icon});
      marker.bindPopup(function () { return idea ? ideaPopup(payload, i) : initiativePopup(payload, i); },
                       {maxWidth: 320});
      byId[id] = marker;
      layers.push(marker);
    });
  }

  // Draws ``payload`` (map_markers' compact payload, or null) on ``map``, replacing what was drawn before.
  function show(map, payload) {
    if (state.cluster) { map.removeLayer(state.cluster); }
    state.cluster = null;
    state.markers = {initiative: {}, idea: {}};
    descriptions = {};
    if (!payload || !L.markerClusterGroup) { return; }
    var layers = [];
    markersOf(payload, 'initiatives', layers);
    markersOf(payload, 'ideas', layers);
    if (!layers.length) { return; }
    // chunkedLoading: thousands of markers are added in slices, so the page stays responsive.
    var cluster = L.markerClusterGroup({maxClusterRadius: 40, showCoverageOnHover: false, chunkedLoading: true});
    cluster.addLayers(layers);
    cluster.addTo(map);
    state.cluster = cluster;
  }

  window.allasMarkers = {
    show: show,
    get markers() { return state.markers; },
    get cluster() { return state.cluster; }
  };
})();
