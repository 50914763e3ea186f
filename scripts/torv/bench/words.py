"""The words of the generated archive: titles, sentences and places in Danish, Swedish and English.

Entries at the same position are translations of each other. A language with no words here borrows
the English ones (the benchmark measures sizes and speed, not prose).
"""

from __future__ import annotations

NEWS_SUBJECTS = {
    "da": [
        "Nyt tilbud om rådgivning til iværksættere",
        "Erhvervsklimaet får en god karakter",
        "Kommunen skærer sagsbehandlingstiden ned",
        "Praktikpladser i lokale virksomheder",
        "Grønne investeringer i erhvervsparken",
        "Havnens udvidelse går i gang",
        "Virksomheder deler erfaringer med energibesparelser",
        "Ny vejledning om byggetilladelser",
        "Elever besøger virksomheder i deres område",
        "Lokale fødevarer på kommunens køkkener",
    ],
    "sv": [
        "Nytt rådgivningserbjudande för entreprenörer",
        "Näringslivsklimatet får ett gott betyg",
        "Kommunen kortar handläggningstiderna",
        "Praktikplatser i lokala företag",
        "Gröna investeringar i företagsparken",
        "Hamnens utbyggnad börjar",
        "Företag delar erfarenheter av energibesparingar",
        "Ny vägledning om bygglov",
        "Elever besöker företag i sitt område",
        "Lokala livsmedel i kommunens kök",
    ],
    "en": [
        "New advice service for start-ups",
        "The business climate gets a good mark",
        "The municipality cuts its processing times",
        "Work placements in local businesses",
        "Green investment in the business park",
        "Work on the harbour extension begins",
        "Businesses share what they learned about saving energy",
        "New guidance on building permits",
        "Pupils visit businesses in their area",
        "Local food in the municipality's kitchens",
    ],
}

MEETING_SUBJECTS = {
    "da": [
        "Dialogmøde om erhvervsklimaet",
        "Virksomhedsforum om arbejdskraft",
        "Morgenmøde om grøn omstilling",
        "Frokostworkshop om digitalisering",
        "Informationsmøde om havneudvidelsen",
        "Netværksmøde for iværksættere",
        "Temamøde om eksport",
    ],
    "sv": [
        "Dialogmöte om näringslivsklimatet",
        "Företagsforum om arbetskraft",
        "Frukostmöte om grön omställning",
        "Lunchworkshop om digitalisering",
        "Informationsmöte om hamnutbyggnaden",
        "Nätverksmöte för entreprenörer",
        "Temamöte om export",
    ],
    "en": [
        "Dialogue meeting on the business climate",
        "Business forum on skills and staff",
        "Breakfast meeting on the green transition",
        "Lunch workshop on going digital",
        "Information meeting on the harbour extension",
        "Networking meeting for start-ups",
        "Meeting on exporting",
    ],
}

SENTENCES = {
    "da": [
        "Kommunen vil gøre det lettere at drive virksomhed i Havbjerg.",
        "Erhvervsservice har talt med over fyrre virksomheder om deres behov.",
        "Byrådet har afsat penge til indsatsen i budgettet for de kommende fire år.",
        "Virksomhederne fortæller, at hurtige svar betyder mest for dem.",
        "Tilbuddet er gratis og gælder alle virksomheder i kommunen.",
        "En erhvervskonsulent kan komme på besøg og gennemgå mulighederne med dig.",
        "Erfaringerne bliver samlet og delt, så flere kan få gavn af dem.",
        "Vi følger op efter et halvt år og fortæller her på siden, hvordan det er gået.",
        "Har du spørgsmål, er du velkommen til at kontakte Erhvervsservice.",
        "Indsatsen er en del af erhvervspolitikken, som byrådet vedtog i marts.",
    ],
    "sv": [
        "Kommunen vill göra det lättare att driva företag i Havbjerg.",
        "Företagsservice har talat med över fyrtio företag om deras behov.",
        "Kommunfullmäktige har avsatt pengar till insatsen i budgeten för de kommande fyra åren.",
        "Företagen berättar att snabba svar betyder mest för dem.",
        "Erbjudandet är kostnadsfritt och gäller alla företag i kommunen.",
        "En näringslivskonsulent kan komma på besök och gå igenom möjligheterna med dig.",
        "Erfarenheterna samlas och delas så att fler kan dra nytta av dem.",
        "Vi följer upp efter ett halvår och berättar här på sidan hur det har gått.",
        "Har du frågor är du välkommen att kontakta Företagsservice.",
        "Insatsen är en del av näringslivspolicyn som kommunfullmäktige antog i mars.",
    ],
    "en": [
        "The municipality wants to make it easier to run a business in Havbjerg.",
        "Business Service has talked to more than forty businesses about what they need.",
        "The council has set aside money for the work in the budget for the next four years.",
        "Businesses say that quick answers matter most to them.",
        "The offer is free and open to every business in the municipality.",
        "A business consultant can visit you and go through the options with you.",
        "What is learned is collected and shared, so that more businesses can benefit.",
        "We will follow up after six months and report here on how it went.",
        "If you have questions, you are welcome to contact Business Service.",
        "The work is part of the business policy the council adopted in March.",
    ],
}

SUMMARY = {
    "da": "{subject}: læs, hvad det betyder for din virksomhed, og hvem du kan kontakte.",
    "sv": "{subject}: läs vad det betyder för ditt företag och vem du kan kontakta.",
    "en": "{subject}: read what it means for your business and whom to contact.",
}

LOCATIONS = {
    "da": [
        "Havbjerg Rådhus, mødesal 1",
        "Havbjerggård, riddersalen",
        "Erhvervsskolen, auditoriet",
        "Havnekontoret, 1. sal",
    ],
    "sv": [
        "Havbjergs rådhus, mötesrum 1",
        "Havbjerggård, riddarsalen",
        "Yrkesskolan, hörsalen",
        "Hamnkontoret, våning 1",
    ],
    "en": [
        "Havbjerg Town Hall, meeting room 1",
        "Havbjerggård, the Knights' Hall",
        "The business college, the auditorium",
        "The harbour office, first floor",
    ],
}
ADDRESSES = [
    "Torvet 1, 4900 Havbjerg",
    "Havbjerggårdvej 2, 4900 Havbjerg",
    "Skolevej 10, 4900 Havbjerg",
    "Havnegade 3, 4900 Havbjerg",
]

AUDIENCE = {
    "da": "Ejere og ledere af virksomheder i Havbjerg Kommune",
    "sv": "Ägare och chefer för företag i Havbjerg kommun",
    "en": "Owners and managers of businesses in Havbjerg Municipality",
}

# Slugs of news items in each language (the default language's file name is the item's id).
ITEM_WORD = {"da": "nyhed", "sv": "nyhet", "en": "news"}

# The baseline's fixed wording (Torv has its own in scripts/torv/strings).
LABELS = {
    "da": {
        "home": "Forside",
        "news": "Nyheder",
        "meetings": "Møder",
        "policy": "Erhvervspolitik",
        "tags": "Emner",
        "contact": "Kontakt",
        "published": "Offentliggjort",
        "meeting": "Møde",
        "when": "Hvornår",
        "where": "Hvor",
        "audience": "For hvem",
        "registration": "Tilmelding",
        "deadline": "Tilmeldingsfrist",
        "cancelled": "Mødet er aflyst.",
        "pillars": "Indsatsområder",
        "commitments": "Det lover vi",
        "latest": "Seneste nyheder",
        "upcoming": "Kommende møder",
        "past": "Afholdte møder",
    },
    "sv": {
        "home": "Startsida",
        "news": "Nyheter",
        "meetings": "Möten",
        "policy": "Näringslivspolicy",
        "tags": "Ämnen",
        "contact": "Kontakt",
        "published": "Publicerad",
        "meeting": "Möte",
        "when": "När",
        "where": "Var",
        "audience": "För vem",
        "registration": "Anmälan",
        "deadline": "Sista anmälningsdag",
        "cancelled": "Mötet är inställt.",
        "pillars": "Insatsområden",
        "commitments": "Det lovar vi",
        "latest": "Senaste nyheterna",
        "upcoming": "Kommande möten",
        "past": "Genomförda möten",
    },
    "en": {
        "home": "Home",
        "news": "News",
        "meetings": "Meetings",
        "policy": "Business policy",
        "tags": "Topics",
        "contact": "Contact",
        "published": "Published",
        "meeting": "Meeting",
        "when": "When",
        "where": "Where",
        "audience": "Who for",
        "registration": "Registration",
        "deadline": "Registration deadline",
        "cancelled": "The meeting is cancelled.",
        "pillars": "Policy areas",
        "commitments": "Our commitments",
        "latest": "Latest news",
        "upcoming": "Upcoming meetings",
        "past": "Past meetings",
    },
}


def in_language(table: dict, lang: str):
    """The entry of `table` in `lang`, or the English one."""
    return table.get(lang, table["en"])
