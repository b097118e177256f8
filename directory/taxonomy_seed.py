"""The seed vocabulary of the services directory, "Harbour family services": a two-level tree
of family-services categories. Each term's ORUK id is uuid5 of its code, so every site seeds the
same ids. Migration 0006 seeds it; the demo loader seeds it again into an emptied database (the
browser tests flush theirs). Editors change terms afterwards (Services directory > Categories);
seeding never changes an existing term."""

import uuid

TAXONOMY_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://harbour.example/oruk/taxonomy/")
TAXONOMY_NAME = "Harbour family services"
# Special educational needs and disabilities: services filed under it (or a sub-category) are
# for children and young people with SEND, whom a topic may serve to an older age.
SEND_CATEGORY = "send"

# (code, name, description, [(code, name, description), ...])
VOCABULARY = [
    (
        "pregnancy-and-birth",
        "Pregnancy and birth",
        "Support before and just after a baby is born.",
        [
            (
                "antenatal-classes",
                "Antenatal classes",
                "Getting ready for birth and the first weeks.",
            ),
            ("midwifery", "Midwife appointments", "Checks and care with a midwife."),
        ],
    ),
    (
        "parenting",
        "Parenting",
        "Courses, groups and one-to-one help with being a parent.",
        [
            ("parenting-courses", "Parenting courses", "Group courses for parents and carers."),
            ("dads-and-male-carers", "Dads and male carers", "Groups and support for dads."),
            ("parent-peer-support", "Parent peer support", "Meet and support other parents."),
            (
                "family-relationships",
                "Family relationships",
                "Help when parents argue or separate.",
            ),
        ],
    ),
    (
        "infant-feeding",
        "Infant feeding",
        "Help with feeding a baby.",
        [
            ("breastfeeding", "Breastfeeding support", "Cafés, peer supporters and specialists."),
            (
                "bottle-feeding-and-weaning",
                "Bottle feeding and starting solids",
                "Formula, bottles and moving on to solid food.",
            ),
        ],
    ),
    (
        "early-years-and-childcare",
        "Early years and childcare",
        "Play, learning and childcare from birth to five.",
        [
            (
                "stay-and-play",
                "Stay and play",
                "Play sessions for babies and young children with their parents.",
            ),
            (
                "childcare-and-nurseries",
                "Childcare and nurseries",
                "Nurseries, childminders and funded childcare places.",
            ),
            ("school-readiness", "Getting ready for school", "Help for children starting school."),
        ],
    ),
    (
        "send",
        "Special educational needs and disabilities (SEND)",
        "Support for children and young people with SEND and their families.",
        [
            (
                "send-advice",
                "SEND information and advice",
                "Help with assessments, plans and choosing a school.",
            ),
            ("short-breaks", "Short breaks", "Activities and care that give families a break."),
            ("autism-and-adhd", "Autism and ADHD support", "Groups and advice for families."),
        ],
    ),
    (
        "speech-and-language",
        "Speech and language",
        "Help with talking, listening and understanding.",
        [
            (
                "speech-and-language-therapy",
                "Speech and language therapy",
                "Assessment and therapy from specialists.",
            ),
            (
                "early-language-groups",
                "Early language groups",
                "Songs, stories and talking groups for under-fives.",
            ),
        ],
    ),
    (
        "health-and-wellbeing",
        "Health and wellbeing",
        "Keeping children and families healthy.",
        [
            (
                "health-visiting",
                "Health visiting and baby clinics",
                "Weighing, checks and advice from health visitors.",
            ),
            (
                "healthy-eating-and-activity",
                "Healthy eating and activity",
                "Cooking, exercise and healthy weight.",
            ),
            ("stop-smoking", "Stopping smoking", "Free help to stop smoking."),
            ("oral-health", "Teeth and oral health", "Brushing, dentists and oral health."),
        ],
    ),
    (
        "mental-health",
        "Mental health",
        "Emotional wellbeing and mental health support.",
        [
            (
                "perinatal-mental-health",
                "Perinatal mental health",
                "For parents in pregnancy and the first years.",
            ),
            (
                "children-and-young-peoples-mental-health",
                "Children and young people's mental health",
                "Support for anxiety, low mood and worries.",
            ),
            (
                "adult-mental-health",
                "Mental health for parents and carers",
                "Talking therapies and wellbeing groups.",
            ),
        ],
    ),
    (
        "domestic-abuse",
        "Domestic abuse",
        "Help and safety for anyone affected by domestic abuse.",
        [
            (
                "domestic-abuse-support",
                "Domestic abuse support",
                "Advocates, refuges and recovery programmes.",
            ),
            (
                "healthy-relationships",
                "Healthy relationships",
                "Courses on respectful relationships.",
            ),
        ],
    ),
    (
        "money-and-housing",
        "Money and housing",
        "Help with money, benefits, food and homes.",
        [
            (
                "benefits-and-debt",
                "Benefits and debt advice",
                "Checking entitlements and managing debt.",
            ),
            (
                "housing-advice",
                "Housing advice",
                "Finding a home, and help if you might lose yours.",
            ),
            (
                "food-and-essentials",
                "Food and essentials",
                "Food banks, baby banks and holiday food.",
            ),
        ],
    ),
    (
        "youth",
        "Youth",
        "Activities and support for young people aged 11 to 19 (25 with SEND).",
        [
            ("youth-clubs", "Youth clubs and activities", "Clubs, sport and things to do."),
            (
                "youth-support",
                "Youth support and mentoring",
                "One-to-one support for young people.",
            ),
            (
                "education-employment-training",
                "Education, employment and training",
                "Help into college, apprenticeships and work.",
            ),
        ],
    ),
    (
        "learning-and-skills",
        "Learning and skills for parents",
        "Courses and skills for adults.",
        [
            (
                "english-language",
                "English for speakers of other languages (ESOL)",
                "English classes for parents.",
            ),
            ("adult-learning", "Adult learning", "Maths, digital skills and qualifications."),
        ],
    ),
]


def seed(Taxonomy, TaxonomyTerm) -> None:
    """Create the taxonomy and any missing terms (models passed in: historical ones in the
    migration, the real ones elsewhere)."""
    taxonomy, _ = Taxonomy.objects.get_or_create(
        oruk_id=uuid.uuid5(TAXONOMY_NAMESPACE, "taxonomy"),
        defaults={
            "name": TAXONOMY_NAME,
            "description": "The categories of the council's family services directory.",
            "version": "1",
        },
    )
    for top_order, (code, name, description, children) in enumerate(VOCABULARY):
        parent, _ = TaxonomyTerm.objects.get_or_create(
            code=code,
            defaults={
                "oruk_id": uuid.uuid5(TAXONOMY_NAMESPACE, code),
                "taxonomy": taxonomy,
                "name": name,
                "description": description,
                "sort_order": top_order,
            },
        )
        for child_order, (child_code, child_name, child_description) in enumerate(children):
            TaxonomyTerm.objects.get_or_create(
                code=child_code,
                defaults={
                    "oruk_id": uuid.uuid5(TAXONOMY_NAMESPACE, child_code),
                    "taxonomy": taxonomy,
                    "parent": parent,
                    "name": child_name,
                    "description": child_description,
                    "sort_order": child_order,
                },
            )
