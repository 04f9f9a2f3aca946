#!/usr/bin/env python3
"""Generate data/actors/countries.txt for parley.

Sources:
  * ISO 3166-1 codes and names: Debian iso-codes package
    (/usr/share/iso-codes/json/iso_3166-1.json), read at generation time.
  * Short names, adjectives/demonyms and capitals: hand-written table below
    (general knowledge / public encyclopaedic record, written for parley).
  * Kosovo (XKX, user-assigned, not in ISO 3166-1) is added by hand.

Usage: python3 data/tools/gen_countries.py [iso_json] > data/actors/countries.txt
Python 3 stdlib only.
"""
import json
import sys

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"

# code | canonical short name ; extra aliases | adjectives/demonyms | capitals
# Plural demonyms are derived (adj + "s") unless the adjective ends in
# -sh, -ch, -ese, -ss, -y or is listed with its plural explicitly.
# Ambiguous adjectives are given to one country only (see notes).
TABLE = r"""
AFG|Afghanistan; Islamic Emirate of Afghanistan; Islamic Republic of Afghanistan|Afghan|Kabul
ALB|Albania; Republic of Albania|Albanian|Tirana; Tirane
DZA|Algeria; People's Democratic Republic of Algeria|Algerian|Algiers
AND|Andorra|Andorran|Andorra la Vella
AGO|Angola|Angolan|Luanda
ATG|Antigua and Barbuda; Antigua|Antiguan; Barbudan|Saint John's; St. John's
ARG|Argentina; Argentine Republic|Argentine; Argentinian; Argentinean|Buenos Aires
ARM|Armenia; Republic of Armenia|Armenian|Yerevan
AUS|Australia; Commonwealth of Australia|Australian; Aussie|Canberra
AUT|Austria; Republic of Austria|Austrian|Vienna
AZE|Azerbaijan; Republic of Azerbaijan|Azerbaijani; Azeri|Baku
BHS|Bahamas; The Bahamas|Bahamian|Nassau
BHR|Bahrain; Kingdom of Bahrain|Bahraini|Manama
BGD|Bangladesh|Bangladeshi|Dhaka; Dacca
BRB|Barbados|Barbadian; Bajan|Bridgetown
BLR|Belarus; Byelorussia; Republic of Belarus|Belarusian; Belarusan; Byelorussian|Minsk
BEL|Belgium; Kingdom of Belgium|Belgian|Brussels
BLZ|Belize|Belizean|Belmopan
BEN|Benin; Republic of Benin|Beninese; Beninois|Porto-Novo; Porto Novo; Cotonou
BTN|Bhutan; Kingdom of Bhutan|Bhutanese|Thimphu
BOL|Bolivia; Plurinational State of Bolivia|Bolivian|La Paz; Sucre
BIH|Bosnia and Herzegovina; Bosnia-Herzegovina; Bosnia; Republika Srpska|Bosnian; Bosniak; Herzegovinian; Bosnian Serb|Sarajevo
BWA|Botswana|Motswana; Batswana; Botswanan|Gaborone
BRA|Brazil; Federative Republic of Brazil|Brazilian|Brasilia; Brasília; Planalto
BRN|Brunei; Brunei Darussalam|Bruneian|Bandar Seri Begawan
BGR|Bulgaria|Bulgarian|Sofia
BFA|Burkina Faso; Burkina|Burkinabe; Burkinabè|Ouagadougou
BDI|Burundi|Burundian|Gitega; Bujumbura
CPV|Cape Verde; Cabo Verde|Cape Verdean; Cabo Verdean|Praia
KHM|Cambodia; Kingdom of Cambodia; Kampuchea|Cambodian; Khmer|Phnom Penh
CMR|Cameroon; Republic of Cameroon|Cameroonian|Yaounde; Yaoundé
CAN|Canada|Canadian|Ottawa
CAF|Central African Republic; CAR; Centrafrique|Central African|Bangui
TCD|Chad; Republic of Chad|Chadian|N'Djamena; Ndjamena; N'Djaména
CHL|Chile; Republic of Chile|Chilean|Santiago; Santiago de Chile
CHN|China; People's Republic of China; PRC; mainland China|Chinese|Beijing; Peking; Zhongnanhai
COL|Colombia; Republic of Colombia|Colombian|Bogota; Bogotá
COM|Comoros; Union of the Comoros|Comoran; Comorian|Moroni
COG|Republic of the Congo; Congo-Brazzaville; Congo Brazzaville; Congo Republic|Congolese (Brazzaville)|Brazzaville
COD|Democratic Republic of the Congo; DR Congo; DRC; D.R. Congo; Congo-Kinshasa; Congo; Zaire|Congolese|Kinshasa
CRI|Costa Rica|Costa Rican|San Jose; San José
CIV|Ivory Coast; Côte d'Ivoire; Cote d'Ivoire; Cote dIvoire|Ivorian; Ivoirian|Yamoussoukro; Abidjan
HRV|Croatia|Croatian; Croat|Zagreb
CUB|Cuba; Republic of Cuba|Cuban|Havana
CYP|Cyprus; Republic of Cyprus|Cypriot; Greek Cypriot|Nicosia
CZE|Czech Republic; Czechia|Czech|Prague
DNK|Denmark; Kingdom of Denmark|Danish; Dane; Danes|Copenhagen
DJI|Djibouti|Djiboutian|Djibouti City
DMA|Dominica; Commonwealth of Dominica|Dominican (Dominica)|Roseau
DOM|Dominican Republic|Dominican|Santo Domingo
ECU|Ecuador|Ecuadorian; Ecuadorean|Quito
EGY|Egypt; Arab Republic of Egypt|Egyptian|Cairo
SLV|El Salvador; Salvador|Salvadoran; Salvadorean|San Salvador
GNQ|Equatorial Guinea|Equatorial Guinean; Equatoguinean|Malabo
ERI|Eritrea; State of Eritrea|Eritrean|Asmara
EST|Estonia|Estonian|Tallinn
SWZ|Eswatini; Swaziland; Kingdom of Eswatini|Swazi; Emaswati|Mbabane; Lobamba
ETH|Ethiopia; Federal Democratic Republic of Ethiopia|Ethiopian|Addis Ababa
FJI|Fiji; Republic of Fiji|Fijian|Suva
FIN|Finland; Republic of Finland|Finnish; Finn; Finns|Helsinki
FRA|France; French Republic|French; Frenchman; Frenchmen; Frenchwoman|Paris; Elysee; Élysée; Elysee Palace; Quai d'Orsay
GAB|Gabon; Gabonese Republic|Gabonese|Libreville
GMB|Gambia; The Gambia|Gambian|Banjul
GEO|Georgia|Georgian|Tbilisi
DEU|Germany; Federal Republic of Germany; West Germany|German|Berlin
GHA|Ghana; Republic of Ghana|Ghanaian|Accra
GRC|Greece; Hellenic Republic|Greek; Hellenic|Athens
GRD|Grenada|Grenadian|St. George's; Saint George's
GTM|Guatemala|Guatemalan|Guatemala City
GIN|Guinea; Guinea-Conakry; Republic of Guinea|Guinean|Conakry
GNB|Guinea-Bissau; Guinea Bissau|Bissau-Guinean|Bissau
GUY|Guyana|Guyanese|Georgetown
HTI|Haiti; Republic of Haiti|Haitian|Port-au-Prince; Port au Prince
VAT|Vatican; Holy See; Vatican City|Vatican|
HND|Honduras|Honduran|Tegucigalpa
HUN|Hungary|Hungarian; Magyar|Budapest
ISL|Iceland|Icelandic; Icelander|Reykjavik; Reykjavík
IND|India; Republic of India; Bharat|Indian|New Delhi
IDN|Indonesia; Republic of Indonesia|Indonesian|Jakarta
IRN|Iran; Islamic Republic of Iran; Persia|Iranian; Persian|Tehran; Teheran
IRQ|Iraq; Republic of Iraq|Iraqi|Baghdad
IRL|Ireland; Republic of Ireland; Eire|Irish; Irishman|Dublin
ISR|Israel; State of Israel|Israeli|Jerusalem
ITA|Italy; Italian Republic|Italian|Rome
JAM|Jamaica|Jamaican|Kingston
JPN|Japan|Japanese|Tokyo
JOR|Jordan; Hashemite Kingdom of Jordan|Jordanian|Amman
KAZ|Kazakhstan; Kazakstan|Kazakh; Kazakhstani|Astana; Nur-Sultan; Almaty
KEN|Kenya; Republic of Kenya|Kenyan|Nairobi
KIR|Kiribati|I-Kiribati; Kiribati|Tarawa; South Tarawa
PRK|North Korea; Democratic People's Republic of Korea; DPRK; D.P.R.K.|North Korean|Pyongyang
KOR|South Korea; Republic of Korea; ROK; Korea|South Korean|Seoul
XKX|Kosovo; Republic of Kosovo|Kosovar; Kosovan; Kosovo Albanian|Pristina; Prishtina
KWT|Kuwait; State of Kuwait|Kuwaiti|Kuwait City
KGZ|Kyrgyzstan; Kyrgyz Republic; Kirghizia|Kyrgyz; Kirghiz; Kyrgyzstani|Bishkek
LAO|Laos; Lao PDR; Lao People's Democratic Republic|Laotian; Lao|Vientiane
LVA|Latvia|Latvian|Riga
LBN|Lebanon; Lebanese Republic|Lebanese|Beirut; Baabda
LSO|Lesotho|Basotho; Mosotho; Lesothan|Maseru
LBR|Liberia|Liberian|Monrovia
LBY|Libya; State of Libya|Libyan|Tripoli
LIE|Liechtenstein|Liechtensteiner|Vaduz
LTU|Lithuania|Lithuanian|Vilnius
LUX|Luxembourg|Luxembourgish; Luxembourger|Luxembourg City
MDG|Madagascar|Malagasy; Madagascan|Antananarivo
MWI|Malawi|Malawian|Lilongwe
MYS|Malaysia|Malaysian|Kuala Lumpur; Putrajaya
MDV|Maldives; the Maldives|Maldivian|Malé
MLI|Mali; Republic of Mali|Malian|Bamako
MLT|Malta|Maltese|Valletta
MHL|Marshall Islands|Marshallese|Majuro
MRT|Mauritania; Islamic Republic of Mauritania|Mauritanian|Nouakchott
MUS|Mauritius|Mauritian|Port Louis
MEX|Mexico; United Mexican States|Mexican|Mexico City
FSM|Micronesia; Federated States of Micronesia|Micronesian|Palikir
MDA|Moldova; Republic of Moldova|Moldovan|Chisinau; Chișinău
MCO|Monaco|Monegasque; Monacan|
MNG|Mongolia|Mongolian|Ulaanbaatar; Ulan Bator
MNE|Montenegro|Montenegrin|Podgorica
MAR|Morocco; Kingdom of Morocco|Moroccan|Rabat
MOZ|Mozambique|Mozambican|Maputo
MMR|Myanmar; Burma; Republic of the Union of Myanmar|Myanmar; Burmese|Naypyidaw; Naypyitaw; Nay Pyi Taw; Yangon; Rangoon
NAM|Namibia|Namibian|Windhoek
NRU|Nauru|Nauruan|Yaren
NPL|Nepal|Nepali; Nepalese|Kathmandu
NLD|Netherlands; the Netherlands; Holland; Kingdom of the Netherlands|Dutch; Dutchman; Netherlander|The Hague; Amsterdam
NZL|New Zealand; Aotearoa|New Zealander; Kiwi|Wellington
NIC|Nicaragua|Nicaraguan|Managua
NER|Niger; Republic of the Niger|Nigerien|Niamey
NGA|Nigeria; Federal Republic of Nigeria|Nigerian|Abuja
MKD|North Macedonia; Macedonia; Republic of North Macedonia; FYROM|Macedonian; North Macedonian|Skopje
NOR|Norway; Kingdom of Norway|Norwegian|Oslo
OMN|Oman; Sultanate of Oman|Omani|Muscat
PAK|Pakistan; Islamic Republic of Pakistan|Pakistani|Islamabad
PLW|Palau|Palauan|Ngerulmud
PSE|Palestine; State of Palestine; Palestinian territories; Palestinian Territory; occupied Palestinian territories; occupied Palestinian territory; OPT; Palestinian Authority territories; Gaza; Gaza Strip; the Gaza Strip; West Bank; the West Bank; occupied West Bank; Gaza City|Palestinian; Gazan|Ramallah
PAN|Panama; Republic of Panama|Panamanian|Panama City
PNG|Papua New Guinea; PNG|Papua New Guinean; Papuan|Port Moresby
PRY|Paraguay|Paraguayan|Asuncion; Asunción
PER|Peru; Republic of Peru|Peruvian|Lima
PHL|Philippines; the Philippines; Republic of the Philippines|Philippine; Filipino; Filipina|Manila; Malacanang; Malacañang
POL|Poland; Republic of Poland|Polish; Pole; Poles|Warsaw
PRT|Portugal; Portuguese Republic|Portuguese|Lisbon
QAT|Qatar; State of Qatar|Qatari|Doha
ROU|Romania; Rumania|Romanian; Rumanian|Bucharest
RUS|Russia; Russian Federation|Russian|Moscow
RWA|Rwanda; Republic of Rwanda|Rwandan; Rwandese|Kigali
KNA|Saint Kitts and Nevis; St. Kitts and Nevis; St Kitts and Nevis|Kittitian; Nevisian|Basseterre
LCA|Saint Lucia; St. Lucia; St Lucia|Saint Lucian; St. Lucian|Castries
VCT|Saint Vincent and the Grenadines; St. Vincent and the Grenadines; St Vincent|Vincentian|Kingstown
WSM|Samoa; Independent State of Samoa|Samoan|Apia
SMR|San Marino|Sammarinese|
STP|Sao Tome and Principe; São Tomé and Príncipe|Santomean; Sao Tomean|Sao Tome; São Tomé
SAU|Saudi Arabia; Kingdom of Saudi Arabia; KSA|Saudi; Saudi Arabian|Riyadh
SEN|Senegal; Republic of Senegal|Senegalese|Dakar
SRB|Serbia; Republic of Serbia|Serbian; Serb|Belgrade
SYC|Seychelles|Seychellois|
SLE|Sierra Leone|Sierra Leonean|Freetown
SGP|Singapore; Republic of Singapore|Singaporean|
SVK|Slovakia; Slovak Republic|Slovak; Slovakian|Bratislava
SVN|Slovenia|Slovenian; Slovene|Ljubljana
SLB|Solomon Islands; the Solomons|Solomon Islander|Honiara
SOM|Somalia; Federal Republic of Somalia|Somali; Somalian|Mogadishu
ZAF|South Africa; Republic of South Africa; RSA|South African|Pretoria; Cape Town; Tshwane
SSD|South Sudan; Republic of South Sudan|South Sudanese|Juba
ESP|Spain; Kingdom of Spain|Spanish; Spaniard|Madrid; Moncloa
LKA|Sri Lanka; Ceylon|Sri Lankan|Colombo; Sri Jayawardenepura Kotte
SDN|Sudan; Republic of the Sudan; the Sudan|Sudanese|Khartoum; Port Sudan
SUR|Suriname; Surinam|Surinamese; Surinamer|Paramaribo
SWE|Sweden; Kingdom of Sweden|Swedish; Swede|Stockholm
CHE|Switzerland; Swiss Confederation|Swiss|Bern; Berne
SYR|Syria; Syrian Arab Republic|Syrian|Damascus
TWN|Taiwan; Republic of China; Chinese Taipei; Formosa|Taiwanese|Taipei
TJK|Tajikistan|Tajik; Tajikistani; Tadjik|Dushanbe
TZA|Tanzania; United Republic of Tanzania|Tanzanian|Dodoma; Dar es Salaam
THA|Thailand; Kingdom of Thailand; Siam|Thai|Bangkok
TLS|East Timor; Timor-Leste; Timor Leste|East Timorese; Timorese|Dili
TGO|Togo; Togolese Republic|Togolese|Lome; Lomé
TON|Tonga; Kingdom of Tonga|Tongan|Nuku'alofa; Nukualofa
TTO|Trinidad and Tobago; Trinidad|Trinidadian; Tobagonian; Trinbagonian|Port of Spain; Port-of-Spain
TUN|Tunisia; Tunisian Republic|Tunisian|Tunis
TUR|Turkey; Türkiye; Turkiye; Republic of Turkey|Turkish; Turk; Turks|Ankara
TKM|Turkmenistan|Turkmen; Turkmenistani|Ashgabat; Ashkhabad
TUV|Tuvalu|Tuvaluan|Funafuti
UGA|Uganda; Republic of Uganda|Ugandan|Kampala
UKR|Ukraine|Ukrainian|Kyiv; Kiev
ARE|United Arab Emirates; UAE; U.A.E.; the Emirates; Emirates|Emirati; Emirian|Abu Dhabi
GBR|United Kingdom; UK; U.K.; Britain; Great Britain; United Kingdom of Great Britain and Northern Ireland; England; Scotland; Wales; Northern Ireland|British; Briton; Britons; Brit; Brits; English; Scottish; Scot; Scots; Welsh|London; Downing Street; Whitehall
USA|United States; United States of America; U.S.; US; U.S.A.; USA; America; the States|American|Washington; Washington D.C.; Washington, D.C.; Washington DC
URY|Uruguay|Uruguayan|Montevideo
UZB|Uzbekistan|Uzbek; Uzbekistani|Tashkent
VUT|Vanuatu|Ni-Vanuatu; Vanuatuan|Port Vila; Port-Vila
VEN|Venezuela; Bolivarian Republic of Venezuela|Venezuelan|Caracas; Miraflores
VNM|Vietnam; Viet Nam; Socialist Republic of Vietnam|Vietnamese|Hanoi
YEM|Yemen; Republic of Yemen|Yemeni; Yemenite|Sanaa; Sana'a; Aden
ZMB|Zambia|Zambian|Lusaka
ZWE|Zimbabwe|Zimbabwean|Harare
# territories and special areas (main ones)
PRI|Puerto Rico|Puerto Rican|San Juan
GRL|Greenland|Greenlandic; Greenlander|Nuuk
HKG|Hong Kong; Hong Kong SAR|Hong Konger; Hongkonger|
MAC|Macau; Macao; Macau SAR|Macanese|
ESH|Western Sahara; Sahrawi Arab Democratic Republic|Sahrawi; Saharawi|Laayoune; El Aaiun
GUM|Guam|Guamanian; Chamorro|Hagatna; Hagåtña
NCL|New Caledonia|New Caledonian; Kanak|Noumea; Nouméa
PYF|French Polynesia; Tahiti|French Polynesian; Tahitian|Papeete
BMU|Bermuda|Bermudian|
CYM|Cayman Islands; the Caymans|Caymanian|
GIB|Gibraltar|Gibraltarian|
FLK|Falkland Islands; Falklands; Malvinas; Islas Malvinas|Falkland Islander|
ABW|Aruba|Aruban|Oranjestad
CUW|Curaçao; Curacao|Curaçaoan; Curacaoan|Willemstad
REU|Réunion; Reunion; La Reunion|Réunionese; Reunionese|Saint-Denis
MYT|Mayotte|Mahoran|Mamoudzou
GUF|French Guiana; Guyane|French Guianese|Cayenne
GLP|Guadeloupe|Guadeloupean|
MTQ|Martinique|Martinican|Fort-de-France
FRO|Faroe Islands; Faroes; Faeroe Islands|Faroese|Torshavn; Tórshavn
VIR|U.S. Virgin Islands; US Virgin Islands; United States Virgin Islands|U.S. Virgin Islander|Charlotte Amalie
VGB|British Virgin Islands; BVI|British Virgin Islander|Road Town
ASM|American Samoa|American Samoan|Pago Pago
MNP|Northern Mariana Islands; Northern Marianas; Saipan|Northern Mariana Islander|
IMN|Isle of Man|Manx|
JEY|Jersey|Jerseyman|Saint Helier; St Helier
GGY|Guernsey|Guernseyman|Saint Peter Port; St Peter Port
"""

# Hand notes placed into the file header.
NOTES = """\
# Ambiguity choices (deliberate, documented):
#  - "Congolese" -> COD (DR Congo); Republic of the Congo uses "Brazzaville" forms.
#  - "Dominican" -> DOM (Dominican Republic); Dominica has no bare adjective.
#  - "Guinean" -> GIN; "Korea"/"Korean" alone -> KOR only as "Korea" (no bare adjective).
#  - "Tripoli" -> LBY (CAMEO convention), not Tripoli, Lebanon.
#  - "Gaza", "Gaza Strip", "West Bank" -> PSE (CAMEO convention).
#  - "Jerusalem" -> ISR capital (CAMEO convention, not a legal position);
#    "Ramallah" -> PSE capital metonym (seat of the Palestinian Authority).
#  - "Congo" alone -> COD; capitals "George Town" (CYM) and "Basse-Terre" (GLP)
#    omitted because they collide with Georgetown (GUY) / Basseterre (KNA).
#  - Capitals that are common English words or personal names are left out
#    (Male -> only "Malé"; Hamilton, Douglas, Stanley, Victoria omitted).
#    Country names that are also first names or other places (Chad, Jordan,
#    Georgia, Jersey, Niger) need context in the resolver.
#  - "Georgia" -> GEO (the US state is not handled here).
#  - England/Scotland/Wales/Northern Ireland -> GBR.
"""

# ISO names that would collide with another country's alias after
# tolerant matching, or inverted "X, Y of" forms nobody writes in prose.
DROP = {("COG", "Congo")}

NO_PLURAL_END = ("sh", "ch", "ese", "ss", "y", "ois", "men", "x")


# adjectives whose naive plural is wrong or is the country name itself
NO_PLURAL = {"Burkinabè", "Burkinabe", "Motswana", "Batswana", "Hellenic", "Greenlandic",
             "Icelandic", "Kyrgyz", "Kirghiz", "Lao", "Basotho", "Mosotho", "Myanmar",
             "Ni-Vanuatu", "I-Kiribati", "Kiribati", "Philippine", "Luxembourgish",
             "Sahrawi", "Saharawi", "Emaswati", "Swazi", "Manx", "Kazakh"}


def plural(adj):
    a = adj.strip()
    if a in NO_PLURAL:
        return {"Kazakh": "Kazakhs", "Swazi": "Swazis", "Sahrawi": "Sahrawis"}.get(a)
    if "(" in a or " " in a and a.split()[-1][0].islower():
        return None
    if a.lower().endswith(NO_PLURAL_END) or a.endswith("s"):
        return None
    if a.endswith("man"):
        return a[:-3] + "men"
    return a + "s"


def clean(s):
    return s.strip()


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else ISO_JSON
    with open(path, encoding="utf-8") as f:
        iso = json.load(f)["3166-1"]
    hand = {}
    for line in TABLE.strip().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split("|")
        assert len(parts) == 4, line
        code = parts[0]
        assert code not in hand, code
        hand[code] = [[clean(x) for x in p.split(";") if clean(x)] for p in parts[1:]]
    entries = []
    seen = set()
    for c in iso:
        code = c["alpha_3"]
        seen.add(code)
        names = []
        h = hand.get(code)
        short = c.get("common_name") or c["name"]
        if h and h[0]:
            canon = h[0][0]
        else:
            canon = short
        for n in ([short, c["name"], c.get("official_name", "")] + (h[0] if h else [])):
            if (code, n) in DROP or (", " in n and h):
                continue
            if n and n not in names and n != canon:
                names.append(n)
        adjs, caps = [], []
        if h:
            for a in h[1]:
                if "(" in a:  # annotated ambiguous adjective: keep out
                    continue
                adjs.append(a)
                p = plural(a)
                if p and p not in h[1]:
                    adjs.append(p)
            caps = h[2]
        entries.append((code, canon, names, adjs, caps, bool(h)))
    for code in hand:
        if code not in seen:  # XKX
            h = hand[code]
            adjs = []
            for a in h[1]:
                adjs.append(a)
                p = plural(a)
                if p:
                    adjs.append(p)
            entries.append((code, h[0][0], h[0][1:], adjs, h[2], True))
    entries.sort(key=lambda e: e[0])
    out = sys.stdout
    out.write("# parley default actor dictionary: countries and territories\n")
    out.write("# GENERATED by data/tools/gen_countries.py -- do not edit by hand.\n")
    out.write("# Sources: codes and ISO names from Debian iso-codes (ISO 3166-1, %s);\n" % path)
    out.write("#   short names, adjectives/demonyms, capitals: hand table in gen_countries.py\n")
    out.write("#   (general knowledge / public encyclopaedic record, as of 2025).\n")
    out.write("#   XKX Kosovo is a user-assigned code added by hand (not in ISO 3166-1).\n")
    out.write("# Records: %d (%d with hand-written names/adjectives/capitals)\n"
              % (len(entries), sum(1 for e in entries if e[5])))
    out.write(NOTES)
    out.write("\n")
    for code, canon, names, adjs, caps, _ in entries:
        out.write("country %s %s\n" % (code, canon))
        # dedupe case-insensitively, keep order; never repeat canon
        def dd(xs, skip=()):
            r, s = [], set(x.lower() for x in skip)
            for x in xs:
                if x.lower() not in s:
                    s.add(x.lower())
                    r.append(x)
            return r
        names = dd(names, [canon])
        if names:
            out.write("  alias %s\n" % "; ".join(names))
        adjs = dd(adjs)
        if adjs:
            out.write("  adj %s\n" % "; ".join(adjs))
        caps = dd(caps)
        if caps:
            out.write("  capital %s\n" % "; ".join(caps))
    return 0


if __name__ == "__main__":
    sys.exit(main())
