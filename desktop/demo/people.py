"""A synthetic Vietnamese population: the registry's truth for demos, training and tests.

Names follow the real distribution of family names (Nguyễn about 38 %), middle names by sex
(Văn, Thị, …) and common given names. ID numbers are consistent with the rules of DOMAIN.md: a
12-digit CCCD ``PPP G YY RRRRRR`` whose province code is a real one, whose digit G encodes century
and sex and whose YY is the birth year; some older people also hold a 9-digit CMND the registry
links to their CCCD; some births are recorded with the year only; a few foreigners carry passport
numbers. Everything is derived from the seed, so the same seed gives the same people.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import asdict, dataclass

from desktop.ids import cccd_century_digit
from desktop.text import title_name

# Province codes of the CCCD (the 63 provinces, Circular 07/2016/TT-BCA)
PROVINCES = (
    "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024", "025",
    "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048",
    "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075",
    "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096",
)
# Where the people of a Hà Nội hospital come from: mostly Hà Nội, then the northern provinces
PROVINCE_WEIGHTS = {"001": 50, "030": 5, "033": 5, "034": 5, "035": 4, "036": 4, "037": 4, "038": 4, "040": 3,
                    "019": 3, "022": 3, "024": 3, "026": 3, "027": 3, "079": 3}
# Old CMND prefixes (first two digits: the issuing province)
CMND_PREFIXES = ("01", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "16", "17", "18")

FAMILY = (("Nguyễn", 380), ("Trần", 110), ("Lê", 95), ("Phạm", 70), ("Hoàng", 35), ("Huỳnh", 15), ("Phan", 45),
          ("Vũ", 30), ("Võ", 10), ("Đặng", 21), ("Bùi", 20), ("Đỗ", 14), ("Hồ", 13), ("Ngô", 13), ("Dương", 10),
          ("Lý", 5), ("Đinh", 6), ("Đào", 5), ("Trịnh", 5), ("Lương", 4), ("Mai", 3), ("Tạ", 2), ("Cao", 3))
MIDDLE_M = ("Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Ngọc", "Xuân", "Đình", "Mạnh",
            "Trung", "Quang")
MIDDLE_F = ("Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Phương", "Kim", "Hồng", "Thùy", "Mai", "Bích", "Minh",
            "Khánh", "Diệu")
GIVEN_M = ("An", "Bình", "Cường", "Dũng", "Đức", "Hải", "Hiếu", "Hùng", "Huy", "Khang", "Khoa", "Long", "Minh",
           "Nam", "Phong", "Phúc", "Quân", "Sơn", "Thắng", "Thành", "Trung", "Tuấn", "Việt", "Vinh", "Tùng", "Hoàng",
           "Kiên", "Lâm", "Nghĩa", "Toàn")
GIVEN_F = ("Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Loan", "Mai", "My",
           "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Thủy", "Trang", "Vân", "Yến", "Huyền", "Liên",
           "Tâm", "Thư", "Uyên")
SECOND_MIDDLE = ("Hồng", "Thu", "Minh", "Quang", "Thanh", "Ngọc", "Hoài", "Bảo", "Gia", "Khánh")
FOREIGNERS = (
    ("KR", "Kim Min Jun", "M"), ("KR", "Park Ji Yeon", "F"), ("KR", "Lee Seo Yeon", "F"),
    ("JP", "Tanaka Hiroshi", "M"), ("JP", "Sato Yuki", "F"), ("US", "John Smith", "M"),
    ("US", "Emily Johnson", "F"), ("FR", "Pierre Martin", "M"), ("DE", "Anna Schmidt", "F"),
    ("GB", "James Wilson", "M"), ("AU", "Olivia Brown", "F"), ("CN", "Wang Wei", "M"),
)


@dataclass(frozen=True)
class Person:
    """A citizen as the registry knows them (contracts/registry-api.md, ``citizen``)."""

    id_number: str
    old_id_number: str | None
    full_name: str
    date_of_birth: str  # YYYY-MM-DD, or YYYY for year-only births
    sex: str  # "M" | "F"
    nationality: str

    def as_dict(self) -> dict:
        return asdict(self)


def make_cccd(rnd: random.Random, province: str, year: int, sex: str, taken: set[str]) -> str:
    while True:
        number = f"{province}{cccd_century_digit(year, sex)}{year % 100:02d}{rnd.randrange(1_000_000):06d}"
        if number not in taken:
            taken.add(number)
            return number


def _weighted(rnd: random.Random, pairs) -> str:
    names, weights = zip(*pairs, strict=True)
    return rnd.choices(names, weights=weights)[0]


def vietnamese_name(rnd: random.Random, sex: str) -> str:
    family = _weighted(rnd, FAMILY)
    middle = rnd.choice(MIDDLE_M if sex == "M" else MIDDLE_F)
    given = rnd.choice(GIVEN_M if sex == "M" else GIVEN_F)
    words = [family, middle]
    if rnd.random() < 0.25:
        words.append(rnd.choice([w for w in SECOND_MIDDLE if w not in (middle, given)]))
    words.append(given)
    return " ".join(words)


def generate_people(count: int, seed: int = 2021, foreigners: float = 0.02, year_only: float = 0.05,
                    with_cmnd: float = 0.2) -> list[Person]:
    """``count`` distinct people; the same seed always gives the same people."""
    rnd = random.Random(seed)
    taken: set[str] = set()
    cmnds: set[str] = set()
    provinces = list(PROVINCE_WEIGHTS.items()) + [(p, 1) for p in PROVINCES if p not in PROVINCE_WEIGHTS]
    people = []
    passports = 0
    for _ in range(count):
        if rnd.random() < foreigners:
            nationality, name, sex = FOREIGNERS[passports % len(FOREIGNERS)]
            passports += 1
            year = rnd.randint(1960, 2000)
            letter = "MABCN"[passports % 5]
            number = f"{letter}{rnd.randrange(10_000_000, 99_999_999)}"
            people.append(Person(number, None, title_name(name), f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
                                 sex, nationality))
            continue
        sex = rnd.choice("MF")
        year = rnd.choices((rnd.randint(1935, 1959), rnd.randint(1960, 1999), rnd.randint(2000, 2015)),
                           weights=(20, 55, 25))[0]
        month, day = rnd.randint(1, 12), rnd.randint(1, 28 if rnd.random() < 0.5 else 31)
        while True:
            try:
                dt.date(year, month, day)
                break
            except ValueError:
                day -= 1
        dob = str(year) if rnd.random() < year_only else f"{year}-{month:02d}-{day:02d}"
        province = _weighted(rnd, provinces)
        cccd = make_cccd(rnd, province, year, sex, taken)
        old = None
        if year < 2000 and rnd.random() < with_cmnd:
            while True:
                old = f"{rnd.choice(CMND_PREFIXES)}{rnd.randrange(10_000_000):07d}"
                if old not in cmnds:
                    cmnds.add(old)
                    break
        people.append(Person(cccd, old, vietnamese_name(rnd, sex), dob, sex, "VN"))
    return people
