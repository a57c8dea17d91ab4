"""The Future Ready Librarians framework ships as data, loaded by the data migration."""

from coursework.models import Framework

WEDGES = [
    "Literacy — Inspires and supports the reading lives of students and teachers",
    "Curates Digital Resources",
    "Builds Instructional Partnerships",
    "Empowers Students as Creators",
    "Designs Collaborative Spaces",
    "Ensures Equitable Digital Access",
    "Advocates for Student Data Privacy",
    "Cultivates Community Partnerships",
    "Facilitates Personalized Professional Learning",
    "Invests Strategically in Digital Resources",
    "Leads Beyond the Library",
]


def test_the_frl_framework_is_loaded_with_the_published_wedges_in_order(db):
    framework = Framework.objects.get(name="Future Ready Librarians Framework")
    domains = list(framework.domains.order_by("position"))
    assert [d.name for d in domains] == WEDGES
    assert sum(d.practices.count() for d in domains) == 27
    assert list(framework.levels.order_by("value").values_list("label", flat=True)) == [
        "Exploring",
        "Emerging",
        "Established",
        "Leading",
    ]


def test_the_previous_framework_stays_selectable(db):
    names = set(Framework.objects.values_list("name", flat=True))
    assert {"Future Ready Librarians Framework", "School Librarian and Teacher Leader Practice"} <= names
    assert Framework.objects.filter(is_default=True).count() == 1
