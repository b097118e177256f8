"""The demo council's help by life stage and need: the topic index at /help/, its nine topics,
each naming the directory categories and ages it lists, in the order the home page shows them,
and the Start for Life offer. Creates what is missing and leaves what exists alone."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from wagtail.models import Site

from directory.models import ServicePage, TaxonomyTerm
from families.models import OfferSection, StartForLifeOfferPage, TopicIndexPage, TopicPage
from news.models import NewsTopic

INDEX_TITLE = "Help for your family"
INDEX_SLUG = "help"
INDEX_SUMMARY = (
    "Support for every stage, from pregnancy to young adulthood, and for the things that get "
    "in the way: money, housing, mental health, relationships."
)
INDEX_FEATURED_SERVICE = "Health visitor advice line"


@dataclass(frozen=True)
class DemoTopic:
    title: str
    slug: str
    summary: str
    introduction: str
    categories: tuple[str, ...]
    minimum_age: int | None = None
    maximum_age: int | None = None
    oldest_with_send: int | None = None
    pregnancy: bool = False
    news_topics: tuple[str, ...] = field(default_factory=tuple)
    featured_service: str = ""


def paragraphs(*texts: str) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


TOPICS = [
    DemoTopic(
        title="Pregnancy and birth",
        slug="pregnancy-and-birth",
        summary="Midwives, antenatal classes, feeding your baby and looking after yourself.",
        introduction=paragraphs(
            "As soon as you know you are pregnant, contact the midwives at Royal Wulfrun "
            "Hospital: you do not need to see your GP first. Your midwife will see you at your "
            "nearest family hub or at home, and book your scans.",
            "Free antenatal classes run at five family hubs, on weekday evenings and Saturday "
            "mornings, so partners can come too. You can also meet infant feeding supporters "
            "before your baby arrives.",
            "Pregnancy can be hard on your mental health. If you feel low or anxious most days, "
            "tell your midwife or health visitor: the perinatal mental health team is there "
            "for you and your baby.",
        ),
        categories=(
            "pregnancy-and-birth",
            "infant-feeding",
            "perinatal-mental-health",
            "stop-smoking",
            "health-visiting",
        ),
        minimum_age=0,
        maximum_age=0,
        pregnancy=True,
        news_topics=("early-years",),
        featured_service="Antenatal classes",
    ),
    DemoTopic(
        title="Babies and toddlers (0 to 2)",
        slug="babies-and-toddlers",
        summary="Baby clinics, feeding, play, and your child's first words.",
        introduction=paragraphs(
            "Your health visitor will visit you at home when your baby is 10 to 14 days old, "
            "then check on your baby's growth and development at 6 to 8 weeks, 1 year and "
            "2 years. Between visits, baby clinics at the family hubs weigh your baby and "
            "answer your questions, no appointment needed.",
            "Stay and play and rhyme time sessions are free, and a good way to meet other "
            "parents. Talking, singing and reading with your baby every day helps them learn "
            "to talk: ask at any hub about Chatterbox groups.",
        ),
        categories=(
            "infant-feeding",
            "health-visiting",
            "stay-and-play",
            "speech-and-language",
            "oral-health",
        ),
        minimum_age=0,
        maximum_age=2,
        news_topics=("early-years",),
        featured_service="Baby massage",
    ),
    DemoTopic(
        title="Early years (2 to 5)",
        slug="early-years",
        summary="Free childcare, talking and play, and getting ready for school.",
        introduction=paragraphs(
            "Some 2 year olds can have 15 hours a week of free childcare, and every 3 and 4 "
            "year old can have at least 15 hours. Ask at a family hub if you are not sure what "
            "your family can get.",
            "If your child is not saying many words by 2, or you find it hard to understand "
            "them by 3, come to a speech and language drop-in: you do not need a referral.",
            "Ready for school sessions in the summer term help children, and parents, get used "
            "to the idea of starting reception.",
        ),
        categories=(
            "early-years-and-childcare",
            "speech-and-language",
            "stay-and-play",
            "parenting-courses",
            "oral-health",
            "healthy-eating-and-activity",
        ),
        minimum_age=2,
        maximum_age=5,
        news_topics=("early-years",),
        featured_service="Funded childcare for 2 year olds",
    ),
    DemoTopic(
        title="School age (5 to 11)",
        slug="school-age",
        summary="Holiday clubs, healthy families, and help when things are hard at home.",
        introduction=paragraphs(
            "In the school holidays, children who get benefits-related free school meals can "
            "go to free activity clubs with a hot meal. Other families can book holiday "
            "childcare at the hubs at a low cost.",
            "If your child is worried, angry or withdrawn, talk to their school first. The "
            "young minds drop-in and the family hubs can help you and your child, without a "
            "referral.",
        ),
        categories=(
            "parenting-courses",
            "childcare-and-nurseries",
            "healthy-eating-and-activity",
            "food-and-essentials",
            "children-and-young-peoples-mental-health",
            "oral-health",
        ),
        minimum_age=5,
        maximum_age=11,
        featured_service="Holiday activities and food",
    ),
    DemoTopic(
        title="Teenagers and young adults",
        slug="teenagers-and-young-adults",
        summary="Youth clubs, mental health, relationships, and next steps after school.",
        introduction=paragraphs(
            "For young people aged 11 to 19, and up to 25 for young people with special "
            "educational needs and disabilities: the SEND topic lists what is there for them.",
            "Youth clubs meet at four hubs on weekday evenings, and young carers have a group of "
            "their own. If a young person is struggling, the young minds drop-in sees them "
            "without a referral, and their parents can join a course on parenting teenagers.",
            "Careers advisers help with college, apprenticeships and first jobs.",
        ),
        categories=(
            "youth",
            "children-and-young-peoples-mental-health",
            "healthy-relationships",
            "education-employment-training",
            "parenting-courses",
        ),
        minimum_age=11,
        maximum_age=19,
        oldest_with_send=25,
        featured_service="Mentoring for young people",
    ),
    DemoTopic(
        title="Special educational needs and disabilities (SEND)",
        slug="send",
        summary="Information and advice, short breaks, and support for children up to 25.",
        introduction=paragraphs(
            "If you think your child has special educational needs or a disability, talk to "
            "their nursery, school or health visitor. You do not need a diagnosis to get help.",
            "The SEND information and advice service is free, confidential and independent of "
            "the council's decisions: it can explain education, health and care plans and come "
            "to meetings with you. Short breaks give your child new things to do and give you "
            "time to rest.",
        ),
        categories=("send", "speech-and-language-therapy"),
        minimum_age=0,
        maximum_age=25,
        featured_service="SEND information and advice",
    ),
    DemoTopic(
        title="Money, work and housing",
        slug="money-work-and-housing",
        summary="Benefits and debt advice, the baby bank, housing, and learning new skills.",
        introduction=paragraphs(
            "If money is tight, check you are getting every benefit you are entitled to: "
            "advisers at the family hubs can check for you and help with forms and debts.",
            "The baby bank gives families clothes, cots and equipment, with a referral from a "
            "midwife, health visitor or family hub worker. If you are worried about losing "
            "your home, get advice as early as you can: come to a housing advice surgery.",
            "Free courses in English, maths and digital skills run at the hubs, with a crèche.",
        ),
        categories=("money-and-housing", "learning-and-skills"),
        featured_service="Housing advice surgery",
    ),
    DemoTopic(
        title="Mental health and wellbeing",
        slug="mental-health-and-wellbeing",
        summary="Support for parents, for new mums, and for children and young people.",
        introduction=paragraphs(
            "Everyone has hard days. If you have felt low, anxious or not yourself for more "
            "than two weeks, talk to your GP, health visitor or a family hub worker, or refer "
            "yourself to talking therapies.",
            "If you or someone else is in danger now, call 999. For urgent mental health help, "
            "call NHS 111 and choose the mental health option.",
        ),
        categories=("mental-health", "healthy-eating-and-activity"),
        featured_service="Talking therapies for parents",
    ),
    DemoTopic(
        title="Relationships and staying safe",
        slug="relationships-and-staying-safe",
        summary="Help with arguments at home, domestic abuse, and healthy relationships.",
        introduction=paragraphs(
            "All couples argue, but frequent conflict harms children. The reducing parental "
            "conflict programme helps parents, together or apart, to argue less and listen more.",
            "If someone is hurting or frightening you, you are not alone and it is not your "
            "fault. The domestic abuse helpline is free and confidential, day and night. In an "
            "emergency, call 999: if you cannot speak, press 55 when asked.",
        ),
        categories=("family-relationships", "domestic-abuse"),
        featured_service="Domestic abuse helpline",
    ),
]


def find_service(title: str) -> ServicePage | None:
    if not title:
        return None
    return ServicePage.objects.filter(title=title).first()


def ensure_index(home) -> TopicIndexPage:
    existing = TopicIndexPage.objects.child_of(home).first()
    if existing:
        return existing
    index = TopicIndexPage(
        title=INDEX_TITLE,
        slug=INDEX_SLUG,
        summary=INDEX_SUMMARY,
        featured_service=find_service(INDEX_FEATURED_SERVICE),
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def build_topic(spec: DemoTopic) -> TopicPage:
    topic = TopicPage(
        title=spec.title,
        slug=spec.slug,
        summary=spec.summary,
        introduction=spec.introduction,
        minimum_age=spec.minimum_age,
        maximum_age=spec.maximum_age,
        oldest_with_send=spec.oldest_with_send,
        pregnancy=spec.pregnancy,
        featured_service=find_service(spec.featured_service),
    )
    topic.categories = list(TaxonomyTerm.objects.filter(code__in=spec.categories))
    topic.news_topics = list(NewsTopic.objects.filter(slug__in=spec.news_topics))
    return topic


def load(site: Site) -> None:
    index = ensure_index(site.root_page.specific)
    existing = set(index.get_children().values_list("slug", flat=True))
    for spec in TOPICS:
        if spec.slug in existing:
            continue
        topic = build_topic(spec)
        index.add_child(instance=topic)
        topic.save_revision().publish()
    ensure_offer(index)


OFFER_TITLE = "Our Start for Life offer"
OFFER_SLUG = "start-for-life"
OFFER_SUMMARY = (
    "Everything Wulfrun's family hubs and their partners offer from pregnancy until your "
    "baby turns 2, in one place."
)
OFFER_INTRODUCTION = paragraphs(
    "The first 1,001 days, from pregnancy to age 2, shape a child's whole life. This is the "
    "support every family in Wulfrun can get in that time: most of it is free, and you can "
    "refer yourself to most of it.",
    "Not sure where to start? Call the health visitor advice line or drop in at any family hub.",
)
# (heading, description, category code)
OFFER_SECTIONS = [
    (
        "Infant feeding",
        "Help with breastfeeding, bottle feeding and starting solid food.",
        "infant-feeding",
    ),
    (
        "Parent-infant relationships and perinatal mental health",
        "Support for your wellbeing in pregnancy and after birth, and for bonding with your baby.",
        "perinatal-mental-health",
    ),
    (
        "Early language and the home learning environment",
        "Talking, playing and reading together from the start.",
        "speech-and-language",
    ),
    ("Parenting support", "Courses and groups for mums, dads and carers.", "parenting"),
    (
        "Health visiting",
        "Your health visitor supports you from late pregnancy until your child starts school.",
        "health-visiting",
    ),
    (
        "Midwifery and antenatal care",
        "Care in pregnancy and antenatal classes to get ready for birth.",
        "pregnancy-and-birth",
    ),
    ("Stay and play", "Free sessions to play, sing and meet other families.", "stay-and-play"),
]


def ensure_offer(index: TopicIndexPage) -> None:
    if StartForLifeOfferPage.objects.exists():
        return
    terms = {term.code: term for term in TaxonomyTerm.objects.all()}
    offer = StartForLifeOfferPage(
        title=OFFER_TITLE,
        slug=OFFER_SLUG,
        summary=OFFER_SUMMARY,
        introduction=OFFER_INTRODUCTION,
        last_reviewed=timezone.localdate() - timedelta(days=24),
    )
    offer.sections = [
        OfferSection(heading=heading, description=description, category=terms[code])
        for heading, description, code in OFFER_SECTIONS
        if code in terms
    ]
    index.add_child(instance=offer)
    offer.save_revision().publish()
