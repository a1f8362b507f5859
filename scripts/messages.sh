#!/usr/bin/env bash
# The gettext round trip for the app's messages (docs/translations.md):
#   scripts/messages.sh extract   write <package>/locales/<domain>.pot from the code
#   scripts/messages.sh update    merge the .pot into every language's .po (new keys appear empty)
#   scripts/messages.sh compile   check every .po compiles (format, plural forms) and report what is untranslated
#   scripts/messages.sh init LANG start a new language: a .po per package (then add LANG to indicators/i18n/locales.py)
# Each package is its own domain: indicators, geodata, dashboard.
set -euo pipefail
cd "$(dirname "$0")/.."
PYBABEL=${PYBABEL:-.venv/bin/pybabel}

# The accessors each package calls (tests/indicators/test_texts.py uses the same lists).
keywords() {
    case "$1" in
        dashboard) echo "-k text -k plural:1,1 -k message -k N_" ;;
        *) echo "-k t -k tn:1,1 -k N_" ;;
    esac
}

for domain in indicators geodata dashboard; do
    dir="$domain/locales"
    case "${1:-}" in
        extract)
            # shellcheck disable=SC2046
            "$PYBABEL" extract --no-default-keywords $(keywords "$domain") --no-location --sort-output \
                --project "Allas Vimmerby" --copyright-holder "Vimmerby kommun" \
                --ignore-dirs "migrations" -o "$dir/$domain.pot" "$domain" ;;
        update)
            "$PYBABEL" update -i "$dir/$domain.pot" -d "$dir" -D "$domain" --no-fuzzy-matching --width 100 ;;
        compile)
            # Writes nothing: the app reads the .po files; this is the check translators run.
            tmp=$(mktemp -d)
            cp -r "$dir/." "$tmp/"
            "$PYBABEL" compile -d "$tmp" -D "$domain" --statistics
            rm -rf "$tmp" ;;
        init)
            "$PYBABEL" init -i "$dir/$domain.pot" -d "$dir" -D "$domain" -l "${2:?language code, e.g. de}" --width 100 ;;
        *)
            sed -n '2,7p' "$0"; exit 2 ;;
    esac
done
