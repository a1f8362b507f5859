"""Drive Dash callbacks through the real HTTP layer (Flask test client), as a browser would.

The callback is found in ``/_dash-dependencies`` by one of its inputs; inputs
and states get the values given (None otherwise, [] for ALL wildcards), and
the request carries the session cookie and the CSRF header like the Dash
renderer does.
"""

from __future__ import annotations

import json
from typing import Any

CSRF_COOKIE = "_csrf_token"


class DashClient:
    def __init__(self, app) -> None:
        self.client = app.server.test_client()
        self.client.get("/")  # a session and its CSRF cookie, as on any first visit
        self._dependencies = None

    @property
    def csrf(self) -> str:
        cookie = self.client.get_cookie(CSRF_COOKIE)
        return cookie.value if cookie else ""

    def sign_in(self, username: str, password: str):
        response = self.client.post("/logga-in", data={"username": username, "password": password,
                                                       "csrf_token": self.csrf})
        self.client.get("/")
        return response

    def dependencies(self) -> list[dict]:
        if self._dependencies is None:
            self._dependencies = self.client.get("/_dash-dependencies").get_json()
        return self._dependencies

    def find(self, trigger: str) -> dict:
        component, prop = trigger.rsplit(".", 1)
        for dependency in self.dependencies():
            for item in dependency["inputs"]:
                if item["id"] == component and item["property"] == prop:
                    return dependency
        raise LookupError(trigger)

    def call(self, trigger: str, values: dict[str, Any], *, csrf: bool = True):
        """POST the callback that ``trigger`` ("id.prop") fires; returns the Flask response."""
        dependency = self.find(trigger)
        outputs = []
        for part in dependency["output"].strip(".").split("..."):
            part = part.strip(".")
            component, prop = part.rsplit(".", 1)
            outputs.append({"id": json.loads(component) if component.startswith("{") else component,
                            "property": prop})

        def filled(items):
            result = []
            for item in items:
                key = f"{item['id']}.{item['property']}"
                if item["id"].startswith("{"):
                    result.append(values.get(key, []))
                else:
                    result.append({"id": item["id"], "property": item["property"], "value": values.get(key)})
            return result

        body = {
            "output": dependency["output"],
            "outputs": outputs if len(outputs) > 1 else outputs[0],
            "inputs": filled(dependency["inputs"]),
            "state": filled(dependency["state"]),
            "changedPropIds": [trigger],
        }
        headers = {"X-CSRFToken": self.csrf} if csrf else {}
        return self.client.post("/_dash-update-component", json=body, headers=headers)
