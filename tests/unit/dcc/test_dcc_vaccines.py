"""The vaccine table (names in Vietnamese lists -> EU codes) and dose numbering."""

from __future__ import annotations

import pytest

from desktop.dcc.vaccines import all_vaccines, dose_fields, lookup_vaccine
from desktop.dcc.valuesets import is_consistent_vaccine, value_set
from desktop.errors import UserError

# The DOMAIN.md table: names seen in lists -> (mp, ma, vp)
DOMAIN_TABLE = {
    ("AstraZeneca", "Vaxzevria", "AZD1222"): ("EU/1/21/1529", "ORG-100001699", "29061000087103"),
    ("Pfizer", "Pfizer-BioNTech", "Comirnaty"): ("EU/1/20/1528", "ORG-100030215", "1119349007"),
    ("Moderna", "Spikevax"): ("EU/1/20/1507", "ORG-100031184", "1119349007"),
    ("Janssen", "Jcovden", "J&J"): ("EU/1/20/1525", "ORG-100001417", "29061000087103"),
    ("Sputnik V", "Gam-COVID-Vac"): ("Sputnik-V", "Gamaleya-Research-Institute", "29061000087103"),
    ("Vero Cell", "Verocell", "Sinopharm (Beijing)"): ("BBIBP-CorV", "ORG-100020693", "1157024006"),
    ("Hayat-Vax",): ("Hayat-Vax", "ORG-100023050", "1157024006"),
    ("Abdala", "CIGB-66"): ("Abdala", "CIGB", "28531000087107"),
    ("Covaxin",): ("Covaxin", "Bharat-Biotech", "1157024006"),
}


@pytest.mark.parametrize(("names", "codes"), list(DOMAIN_TABLE.items()), ids=[n[0] for n in DOMAIN_TABLE])
def test_domain_table(names, codes):
    for name in names:
        vaccine = lookup_vaccine(name)
        assert vaccine is not None, name
        assert (vaccine.mp, vaccine.ma, vaccine.vp) == codes
        assert vaccine.tg == "840539006"


@pytest.mark.parametrize(("spelling", "mp"), [
    ("pfizer", "EU/1/20/1528"), ("PFIZER", "EU/1/20/1528"), ("Pfizer BioNTech", "EU/1/20/1528"),
    ("pfizer - biontech", "EU/1/20/1528"), ("Vắc xin Pfizer", "EU/1/20/1528"), ("vaccine Moderna", "EU/1/20/1507"),
    ("Astra Zeneca", "EU/1/21/1529"), ("ASTRAZENECA", "EU/1/21/1529"), ("VERO-CELL", "BBIBP-CorV"),
    ("vero  cell", "BBIBP-CorV"), ("sputnik-v", "Sputnik-V"), ("Hayat Vax", "Hayat-Vax"), ("J & J", "EU/1/20/1525"),
    ("ＰＦＩＺＥＲ", "EU/1/20/1528"),  # full-width letters (East Asian input methods)
])
def test_normalised_matching(spelling, mp):
    vaccine = lookup_vaccine(spelling)
    assert (vaccine.mp if vaccine else None) == mp


@pytest.mark.parametrize("name", [
    "", "   ", "vắc xin", "???", "Sinovac", "CoronaVac", "Pfizerr", "Inactivated SARS-CoV-2 (Vero Cell)", "Vero Cell Wuhan", "AZ",
    "Sputnik Light", "Novavax",
])
def test_unknown_names_are_never_guessed(name):
    assert lookup_vaccine(name) is None


@pytest.mark.parametrize("vaccine", all_vaccines(), ids=lambda v: v.key)
def test_every_triple_is_active_and_consistent(vaccine):
    assert value_set("disease-agent-targeted").status(vaccine.tg) == "active"
    assert value_set("vaccine-prophylaxis").status(vaccine.vp) == "active"
    assert value_set("vaccine-medicinal-product").status(vaccine.mp) == "active"
    assert value_set("vaccine-mah-manf").status(vaccine.ma) == "active"
    assert is_consistent_vaccine(vaccine.vp, vaccine.mp, vaccine.ma)


def test_vero_cell_is_not_the_deprecated_wuhan_code():
    assert lookup_vaccine("Vero Cell").mp != "Inactivated-SARS-CoV-2-Vero-Cell"
    assert value_set("vaccine-medicinal-product").status("Inactivated-SARS-CoV-2-Vero-Cell") == "inactive"


@pytest.mark.parametrize(("dose", "series", "expected"), [
    (1, 2, (1, 2)), (2, 2, (2, 2)), (3, 2, (3, 3)), (4, 2, (4, 4)),  # two-dose primary, boosters
    (1, 1, (1, 1)), (2, 1, (2, 2)), (3, 1, (3, 3)),  # Janssen
    (1, 3, (1, 3)), (3, 3, (3, 3)), (4, 3, (4, 4)),  # Abdala
    (1, None, (1, 2)), (3, None, (3, 3)),
])
def test_dose_fields(dose, series, expected):
    assert dose_fields(dose, series) == expected


def test_dose_fields_use_the_vaccine_series():
    janssen = lookup_vaccine("Janssen")
    assert janssen.primary_series_doses == 1
    assert dose_fields(1, janssen.primary_series_doses) == (1, 1)
    assert lookup_vaccine("Abdala").primary_series_doses == 3


@pytest.mark.parametrize("dose", [0, -1, True, "2", 1.5])
def test_invalid_dose_numbers(dose):
    with pytest.raises(UserError) as caught:
        dose_fields(dose, 2)
    assert caught.value.code == "dose_number_invalid"
