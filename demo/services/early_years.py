"""Demo services for pregnancy, babies and early language."""

from .spec import (
    EVERY_DAY,
    FRIDAY,
    MONDAY,
    SATURDAY,
    THURSDAY,
    TUESDAY,
    WEDNESDAY,
    Contact,
    DemoService,
    h2,
    p,
    ul,
)

SERVICES = [
    DemoService(
        title="Antenatal classes",
        summary="Get ready for birth and the first weeks with a midwife and other parents-to-be.",
        description=p(
            "A course of 4 weekly classes led by a community midwife. You will find out about "
            "the signs of labour, pain relief, what happens on the labour ward and at a home "
            "birth, feeding your baby, and caring for yourself and your baby in the first "
            "weeks.",
            "Classes are relaxed and small, and you can ask anything. Birth partners are "
            "welcome at every class.",
        )
        + h2("What to bring")
        + ul("your maternity notes", "a drink and a snack"),
        categories=("antenatal-classes",),
        organisation="nhs",
        places={
            "bilston": [(TUESDAY, "10:00", "12:00")],
            "pendeford": [(WEDNESDAY, "10:00", "12:00")],
            "city-centre": [(SATURDAY, "10:00", "12:00")],
        },
        pregnancy=True,
        eligibility="Anyone who is pregnant, and their birth partner. Most people start the "
        "course when they are about 30 weeks pregnant.",
        referral="Book a course by phone or email, or ask your midwife to book it for you. "
        "Choose the hub and day that suit you: the Saturday course at City Centre is for "
        "parents who work in the week.",
        phone="01902 555 0310",
        email="antenatal@nhs.wulfrun.example",
        contacts=(Contact("Antenatal education midwife"),),
        accessibility="An interpreter can come to the classes with you: ask when you book.",
    ),
    DemoService(
        title="Midwife appointments",
        summary="Pregnancy check-ups with your community midwife.",
        description=p(
            "Your community midwife checks on you and your baby throughout your pregnancy: "
            "your blood pressure and urine, your baby's growth and heartbeat, and how you are "
            "feeling. It is a chance to ask questions and plan where and how you would like to "
            "give birth.",
            "Your midwife will give you an appointment in one of these clinics. After your "
            "baby is born, a midwife visits you at home for the first days.",
        )
        + h2("What to bring")
        + ul(
            "your maternity notes",
            "a sample of your urine, in a pot from the clinic",
            "a list of any medicines you take",
        ),
        categories=("midwifery",),
        organisation="nhs",
        places={
            "wednesfield": [(MONDAY, "09:00", "12:00")],
            "whitmore-reans": [(TUESDAY, "09:30", "12:30")],
            "low-hill": [(THURSDAY, "13:00", "16:00")],
        },
        pregnancy=True,
        at_home=True,
        eligibility="Anyone who is pregnant and lives in Wulfrun, until a few weeks after the "
        "baby is born.",
        referral="Refer yourself as soon as you know you are pregnant, by phone or on the "
        "trust's website. You do not need to see your GP first.",
        phone="01902 555 0320",
        email="midwives@nhs.wulfrun.example",
    ),
    DemoService(
        title="Baby clinic",
        summary="Weigh your baby and talk to a health visitor. Just drop in.",
        description=p(
            "A health visitor or community nursery nurse weighs your baby and writes it in "
            "their red book. You can ask about feeding, sleep, teething, crying, how your baby "
            "is developing, or how you are feeling yourself.",
            "There are no appointments: come at any time in the session. It can be busy at "
            "the start, so you may need to wait. If you would like to talk somewhere private, "
            "ask and we will find a quiet room.",
        )
        + h2("What to bring")
        + ul(
            "your baby's red book (personal child health record)",
            "a clean nappy: babies are weighed without one",
        ),
        categories=("health-visiting",),
        organisation="nhs",
        places={
            "bilston": [(TUESDAY, "09:30", "11:30")],
            "tettenhall": [(THURSDAY, "16:00", "18:30")],
            "whitmore-reans": [(MONDAY, "09:30", "11:30")],
            "penn": [(FRIDAY, "10:00", "12:00")],
            "low-hill": [(WEDNESDAY, "13:30", "15:30")],
        },
        place_notes={
            "tettenhall": "This clinic runs into the early evening, so parents who work can "
            "come after work.",
            "whitmore-reans": "A health visitor who speaks Punjabi is at this clinic.",
        },
        place_languages={"whitmore-reans": "en, pa"},
        minimum_age=0,
        maximum_age=4,
        eligibility="Babies and children under 5, with a parent or carer.",
        phone="01902 555 0330",
        email="healthvisiting@nhs.wulfrun.example",
    ),
    DemoService(
        title="Breastfeeding cafe",
        summary="Peer supporters, a comfy seat and a cup of tea while you feed.",
        description=p(
            "Trained breastfeeding peer supporters, who have all breastfed themselves, help "
            "with latching, feeding positions, expressing, and knowing your baby is getting "
            "enough. If you need more help, they can book you in with an infant feeding "
            "specialist.",
            "Come while you are pregnant to find out what to expect, or at any time while "
            "you are feeding. Partners and grandparents are welcome. Tea, coffee and biscuits "
            "are free.",
        ),
        categories=("breastfeeding",),
        organisation="bumps",
        places={
            "wednesfield": [(MONDAY, "10:00", "12:00")],
            "city-centre": [(FRIDAY, "10:00", "12:00")],
            "central-library": [(WEDNESDAY, "10:30", "12:00")],
        },
        place_notes={
            "central-library": "The cafe is in the children's library on the ground floor. "
            "There is a lift from the car park.",
        },
        pregnancy=True,
        minimum_age=0,
        maximum_age=1,
        eligibility="Anyone breastfeeding a baby under 2, or pregnant and thinking about it, "
        "and the people who support them.",
        phone="01902 555 0400",
        email="feeding@bumps.wulfrun.example",
        contacts=(Contact("Breastfeeding peer support coordinator"),),
    ),
    DemoService(
        title="Infant feeding helpline",
        summary="Call a trained supporter about breast or bottle feeding, seven days a week.",
        description=p(
            "Talk to a trained infant feeding supporter about breastfeeding, expressing, "
            "bottle feeding, combining the two, or starting solid food. They will listen, help "
            "you work out what is happening and, if you need it, arrange a visit from a "
            "specialist or a place at a breastfeeding cafe.",
            "Calls are free from mobiles and landlines.",
            "If your baby seems unwell, has fewer wet nappies than usual or will not feed, "
            "call NHS 111 or your GP straight away.",
        ),
        categories=("breastfeeding", "bottle-feeding-and-weaning"),
        organisation="bumps",
        remote_hours=[(day, "08:00", "22:00") for day in EVERY_DAY],
        closed_on_bank_holidays=False,
        by_phone=True,
        pregnancy=True,
        minimum_age=0,
        maximum_age=1,
        eligibility="Parents, carers and parents-to-be in Wulfrun feeding a baby under 2, "
        "however they feed.",
        phone="0800 555 0410",
    ),
    DemoService(
        title="Starting solids workshop",
        summary="When and how to start your baby on solid food.",
        description=p(
            "A 90-minute workshop with a community nursery nurse about starting solid food at "
            "around 6 months: the signs your baby is ready, first foods and finger foods, how "
            "much to give, and foods to avoid.",
            "You will taste some first foods and see how to make them cheaply at home. Bring "
            "your baby if you like: there are mats and toys.",
        ),
        categories=("bottle-feeding-and-weaning", "healthy-eating-and-activity"),
        organisation="nhs",
        places={
            "ettingshall": [(THURSDAY, "13:30", "15:00")],
            "pendeford": [(THURSDAY, "10:00", "11:30")],
        },
        minimum_age=0,
        maximum_age=0,
        eligibility="Parents and carers of babies aged 4 to 7 months.",
        referral="Book a place by phone. Your health visitor can also book one for you at "
        "your baby's 3 to 4 month review.",
        phone="01902 555 0330",
        email="healthvisiting@nhs.wulfrun.example",
    ),
    DemoService(
        title="Baby massage",
        summary="Learn to massage your baby: a calm way to bond and soothe.",
        description=p(
            "A course of 5 weekly sessions led by a community nursery nurse trained in baby "
            "massage. You will learn simple strokes that help your baby relax and sleep and "
            "can ease wind and colic, with time to talk to other parents.",
            "We use an unscented plant oil. Tell us if your baby has a skin condition.",
        )
        + h2("What to bring")
        + ul("a towel for your baby to lie on", "a clean nappy and wipes"),
        categories=("health-visiting", "parent-peer-support"),
        organisation="nhs",
        places={
            "pendeford": [(TUESDAY, "10:00", "11:00")],
            "low-hill": [(MONDAY, "13:30", "14:30")],
        },
        minimum_age=0,
        maximum_age=0,
        eligibility="Babies from 6 weeks old until they start crawling, with a parent or carer.",
        referral="Book by phone: a new course starts every 5 weeks.",
        phone="01902 555 0330",
        email="healthvisiting@nhs.wulfrun.example",
    ),
    DemoService(
        title="Stay and play",
        summary="Songs, messy play and a chance to meet other families.",
        description=p(
            "A play session for babies and children under 5 with their parent, grandparent "
            "or carer: messy play, toys, books, and songs at the end. Family hub staff are "
            "there to chat to about anything, from sleep to money worries.",
            "It is free and you do not need to book: just come along. You stay with your "
            "child for the session.",
        )
        + h2("What to bring")
        + ul("a drink for your child", "a change of clothes: messy play can be messy"),
        categories=("stay-and-play",),
        organisation="council",
        places={
            "bilston": [(MONDAY, "13:30", "15:00"), (WEDNESDAY, "13:30", "15:00")],
            "wednesfield": [(TUESDAY, "09:30", "11:00"), (THURSDAY, "13:30", "15:00")],
            "low-hill": [(MONDAY, "09:30", "11:00"), (FRIDAY, "09:30", "11:00")],
            "penn": [(WEDNESDAY, "10:00", "11:30")],
            "bushbury": [(THURSDAY, "09:30", "11:00")],
        },
        place_notes={
            "penn": "Penn has a garden, so the session moves outside when it is dry.",
        },
        minimum_age=0,
        maximum_age=4,
        eligibility="Children under 5 with a parent, grandparent or carer. Childminders are "
        "welcome.",
        hub_contact=True,
    ),
    DemoService(
        title="Rhyme time",
        summary="Songs and rhymes for babies and toddlers, and their grown-ups.",
        description=p(
            "Half an hour of songs, action rhymes and shakers for babies and toddlers, then "
            "time to play and chat. Singing together helps babies learn to listen and talk, "
            "and it is a gentle way to meet other families.",
            "You do not need to book. Buggies can be left in the entrance.",
        ),
        categories=("early-language-groups",),
        organisation="council",
        places={"pendeford": [(FRIDAY, "09:30", "10:15")]},
        minimum_age=0,
        maximum_age=2,
        eligibility="Babies and toddlers under 3, with a parent or carer.",
        phone="01902 555 0208",
        email="pendeford.hub@wulfrun.example",
    ),
    DemoService(
        title="Chatterbox early language group",
        summary="Stories, rhymes and games that get little ones talking.",
        description=p(
            "A weekly group for children aged 1 to 4 and their grown-ups, led by an early "
            "years practitioner trained by the speech and language therapy team. Each session "
            "has songs, a story and games that build listening and talking.",
            "You will pick up simple things to do at home, like sharing books and talking "
            "about what your child is doing. If you are worried about your child's talking, "
            "the practitioner will tell you about the speech and language drop-in.",
        ),
        categories=("early-language-groups",),
        organisation="council",
        places={
            "tettenhall": [(MONDAY, "10:00", "11:00")],
            "ettingshall": [(WEDNESDAY, "10:00", "11:00")],
            "penn-library": [(FRIDAY, "10:00", "11:00")],
        },
        minimum_age=1,
        maximum_age=4,
        eligibility="Children aged 1 to 4, with a parent or carer.",
        referral="There are 10 places in each group: phone to book one.",
        phone="01902 555 0140",
        email="earlyyears@wulfrun.example",
    ),
    DemoService(
        title="Speech and language drop-in",
        summary="Worried about your child's talking? Ask a speech and language therapist.",
        description=p(
            "A speech and language therapist or assistant sees you and your child for about "
            "15 minutes. They will listen to what is worrying you, watch your child play and "
            "talk, and give you ideas to try at home.",
            "Most children need nothing more. If your child needs therapy, the therapist can "
            "refer them there and then, without going through your GP.",
            "You do not need an appointment. Come at any time in the session; you may need to "
            "wait.",
        ),
        categories=("speech-and-language-therapy",),
        organisation="nhs",
        places={
            "tettenhall": [(WEDNESDAY, "09:30", "11:30")],
            "bilston": [(THURSDAY, "13:30", "15:30")],
            "city-centre": [(SATURDAY, "10:00", "12:00")],
        },
        minimum_age=0,
        maximum_age=4,
        eligibility="Parents and carers of children under 5 who live in Wulfrun.",
        phone="01902 555 0340",
        email="slt@nhs.wulfrun.example",
    ),
    DemoService(
        title="Speech and language therapy",
        summary="Assessment and therapy for children with speech, language or communication needs.",
        description=p(
            "A speech and language therapist assesses your child and, if they need it, plans "
            "therapy with you: usually a block of sessions, with activities to practise at "
            "home, nursery or school in between.",
            "Appointments are at Ashmore Park Clinic or Phoenix Community Centre. Therapists "
            "also see children at nursery or school, and at home if a child cannot come to a "
            "clinic.",
            "We will write to you with your first appointment.",
        ),
        categories=("speech-and-language-therapy", "send-advice"),
        organisation="nhs",
        places={"ashmore-clinic": [], "phoenix-centre": []},
        at_home=True,
        minimum_age=0,
        maximum_age=18,
        eligibility="Children and young people up to 18 with speech, language, communication "
        "or swallowing needs, who live in Wulfrun or go to school here.",
        self_referral=False,
        referral="A health visitor, GP, nursery, school or other professional can refer your "
        "child. If your child is under 5, you can also get a referral at a speech and language "
        "drop-in.",
        phone="01902 555 0340",
        email="slt@nhs.wulfrun.example",
    ),
    DemoService(
        title="Stammering support group",
        summary="A friendly group for children who stammer and their parents.",
        description=p(
            "Children who stammer meet others who stammer, with games and activities led by a "
            "specialist speech and language therapist. Parents meet in the room next door to "
            "share what helps and ask the therapist questions.",
            "If you cannot get to Central Library, you can join the same group on a video "
            "call: ask for the link.",
        ),
        categories=("speech-and-language-therapy", "parent-peer-support"),
        organisation="nhs",
        places={"central-library": [(SATURDAY, "10:00", "11:30")]},
        online=True,
        minimum_age=5,
        maximum_age=16,
        eligibility="Children aged 5 to 16 who stammer, and their parents or carers. Your "
        "child does not need to be having therapy.",
        referral="Phone or email the speech and language therapy team to join.",
        phone="01902 555 0340",
        email="stammering@nhs.wulfrun.example",
    ),
]
