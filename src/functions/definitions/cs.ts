// Czech definitions of the summary metrics, by function name: the English `definition` of each entry, translated.

export const cs: Readonly<Record<string, string>> = {
  NPS: 'Promotéři odpovídají 9–10, pasivní 7–8, kritici 0–6. NPS = (promotéři − kritici) ÷ počet odpovědí × 100. Prázdné buňky se přeskakují.',
  NPS_BREAKDOWN: 'Počty promotérů (9–10), pasivních (7–8) a kritiků (0–6) s podílem každé skupiny na všech odpovědích, nakonec celkový součet.',
  NPS_CI: 'Upravený Waldův interval: k počtu odpovědí se přičtou 3 a k promotérům i kritikům ¾; p a d jsou jejich podíly, ' +
    'NPS′ = p − d, rozptyl (p + d − NPS′²) ÷ n; interval NPS′ ± z·√rozptyl × 100, omezený na −100..100.',
  CSAT: 'Odpovědi na prahu nebo nad ním ÷ všechny odpovědi. Výchozí práh tvoří dva nejvyšší body škály ' +
    '(4–5 z 5, 9–10 z 10). Skóre jsou celá čísla od 1 do hodnoty škály (na 10bodové škále od 0 do 10).',
  CES: 'Průměr odpovědí; odpovědi jsou celá čísla od 1 do hodnoty škály (výchozí 7). Prázdné buňky se přeskakují.',
  CHURN: 'Stavy: odešlí ÷ všechny neprázdné stavy. Data: ze zákazníků aktivních na začátku období (začali před ním a neskončili před ním) ' +
    'podíl těch, jejichž datum konce spadá do období. Období jsou zprava otevřená: konec v první den dalšího období se počítá tam. ' +
    'method "inclusive" počítá jako odešlé i zákazníky, kteří v období začali i skončili.',
  COHORT_RETENTION: 'Každý zákazník patří do kohorty období, v němž leží jeho datum začátku. Sloupec j je podíl kohorty, který je zákazníkem ' +
    'i na konci j-tého období po jejím vlastním (j = 0: konec počátečního období), tj. má prázdné datum konce nebo datum v konci ' +
    'tohoto období či po něm. Buňky za posledním obdobím dat jsou prázdné, stejně jako podíly prázdné kohorty.',
  RENEWAL_RATE: 'Každý neprázdný výsledek je smlouva k obnovení; jako obnovená se počítá, když je její text jedním ze slov pro obnovení ' +
    '(bez ohledu na velikost písmen). U zaškrtávacích políček se TRUE počítá jako obnoveno.',
  RETENTION: '1 − CHURN se stejnými pravidly: ze zákazníků aktivních na začátku období podíl těch, kteří jsou zákazníky i na jeho konci.',
  RETENTION_COST: 'Součet nákladů ÷ počet udržených zákazníků. retained_customers je počet, nebo oblast, jejíž neprázdné buňky se spočítají ' +
    '(jedna buňka s textem se počítá jako jeden zákazník).',
  CLOSE_RATE: 'Vyhrané ÷ všechny neprázdné výsledky včetně otevřených a prohraných. Vyhraný je "won" nebo "closed won" ' +
    '(bez ohledu na velikost písmen), pokud argument won neurčuje jiná slova.',
  LEAD_CONVERSION: 'Leady, jejichž stav je slovem pro konverzi ÷ všechny neprázdné stavy. Slova pro konverzi (bez ohledu na velikost písmen) jsou ' +
    '"converted", "customer", "won", "closed won", "true", "yes", pokud argument converted neurčuje jiná; zaškrtnuté políčko se čte jako TRUE.',
  LEAD_QUALIFICATION_RATE: 'Leady, jejichž stav je slovem pro kvalifikaci ÷ všechny neprázdné stavy. Slova pro kvalifikaci (bez ohledu na velikost ' +
    'písmen) jsou "qualified", "mql", "sql", "sal", "marketing qualified", "sales qualified", "opportunity", "converted", "customer", "won", ' +
    '"closed won", "true", "yes" (stavy dál v trychtýři se počítají jako kvalifikované), pokud argument qualified neurčuje jiná.',
  LEAD_RESPONSE_TIME: 'Průměr rozdílu první odpověď − vytvoření přes leady s oběma daty; leady s prázdným datem se přeskakují, odpověď před ' +
    'vytvořením leadu je chyba, která uvede řádek. S obdobím se leady datují podle data vytvoření.',
  TRAFFIC_TO_LEAD: 'Součet leadů ÷ součet návštěvníků; každý může být jedno číslo nebo oblast (prázdné buňky nic nepřidají). S obdobím jsou oba ' +
    'oblastmi vedle dat a sčítají se jen řádky datované v daném období.',
  WIN_RATE: 'Vyhrané ÷ (vyhrané + prohrané). Výsledky se porovnávají bez ohledu na velikost písmen: vyhraný je "won" nebo "closed won", ' +
    'prohraný "lost" nebo "closed lost", pokud argumenty won a lost neurčují jiná slova; cokoli jiného je otevřený obchod a vynechává se. ' +
    'Prázdné buňky se přeskakují.',
  PIPELINE_VALUE: 'Σ částka (× pravděpodobnost) přes otevřené obchody — výsledky, které nejsou vyhrané ("won", "closed won") ani prohrané ' +
    '("lost", "closed lost"), pokud argumenty won a lost neurčují jiná slova. Otevřený obchod s prázdnou částkou nebo pravděpodobností ' +
    'nic nepřidá. S obdobím se obchody datují podle zadaných dat (např. očekávaného data uzavření).',
  SALES_CYCLE: 'uzavření − vytvoření ve dnech přes řádky s oběma daty; s výsledky jen vyhrané obchody ("won", "closed won", pokud argument won ' +
    'neurčuje jiná slova). Uzavření před vytvořením je chyba, která uvede řádek. S obdobím se obchody datují podle data uzavření.',
  SALES_VELOCITY: 'otevřené obchody × (průměrná částka vyhraných obchodů) × vyhrané ÷ (vyhrané + prohrané) ÷ (průměrný počet dní od vytvoření ' +
    'do uzavření vyhraných obchodů). Výsledky: vyhraný je "won"/"closed won", prohraný "lost"/"closed lost", pokud argumenty won a lost ' +
    'neurčují jinak; cokoli jiného je otevřené. S obdobím se hodnota počítá z obchodů v něm vytvořených.',
  STAGE_DURATION: 'Řádky jsou vstupy do fází (obchod, fáze, datum vstupu). Obchod zůstává ve fázi, dokud nevstoupí do další (podle data); jeho ' +
    'aktuální fáze se nepočítá. Opakované vstupy do stejné fáze se u obchodu sčítají. Fáze jsou uvedeny v pořadí, v jakém se poprvé ' +
    'objevily. S obdobím se pobyty datují dnem, kdy začaly.',
  AVG_RESPONSE_TIME: 'Průměr rozdílu odpověď − otevření přes tikety s oběma daty; tikety s prázdným datem se přeskakují, odpověď před otevřením ' +
    'tiketu je chyba, která uvede řádek. S obdobím se tikety datují podle otevření.',
  ENGAGEMENT_RATE: 'Součet zapojených ÷ součet celku; každý může být jedno číslo nebo oblast (prázdné buňky nic nepřidají). S obdobím jsou oba ' +
    'oblastmi vedle dat a sčítají se jen řádky datované v daném období.',
  FCR: 'Tikety vyřešené při prvním kontaktu ÷ všechny tikety. Každá buňka je počet kontaktů (1 = první kontakt; 2 nebo více = ne; 0 se čte ' +
    'jako ne, jako ve sloupci 1/0) nebo TRUE/FALSE, yes/no. Prázdné buňky se přeskakují.',
  RESOLUTION_TIME: 'vyřešení − otevření přes tikety s oběma daty, shrnuté jako průměr (výchozí) nebo medián; otevřené tikety (prázdné vyřešení) ' +
    'se přeskakují, vyřešení před otevřením je chyba, která uvede řádek. S obdobím se tikety datují podle vyřešení.',
  SLA_COMPLIANCE: 'Tikety, u nichž odpověď − otevření je nejvýše target_hours ÷ tikety s oběma daty. Dosud nezodpovězené tikety (prázdná ' +
    'odpověď) se přeskakují; odpověď před otevřením je chyba, která uvede řádek. S obdobím se tikety datují podle otevření.',
  APV: 'Součet částek ÷ počet objednávek. Bez ID objednávek je každá neprázdná částka objednávkou; s nimi tvoří řádky se stejným ID jednu ' +
    'objednávku a řádek s částkou, ale bez ID objednávky, je samostatnou objednávkou.',
  CAC: 'Součet nákladů ÷ počet nových zákazníků. new_customers je počet, nebo oblast, jejíž neprázdné buňky se spočítají (jedna buňka ' +
    's textem se počítá jako jeden zákazník).',
  CLV_HISTORIC: 'Součet částek ÷ počet různých zákazníků, přes řádky, které obsahují zákazníka i částku.',
  CROSS_SELL_RATE: 'Zákazníci s alespoň dvěma různými produkty ÷ zákazníci s alespoň jedním, přes řádky, které obsahují zákazníka i produkt. ' +
    'Produkty se porovnávají jako text, přesně (po oříznutí mezer).',
  NET_NEW_REVENUE: 'První nákup zákazníka je jeho nejdříve datovaná objednávka v celé oblasti. Čistý nový výnos období je součet částek ' +
    'datovaných v něm od zákazníků, jejichž první nákup spadá do stejného období. Řádky potřebují zákazníka, datum a částku.',
  NRR: 'Základ tvoří zákazníci, jejichž částky v předchozím období (bezprostředně předcházejícím, stejně dlouhém) dávají dohromady více než 0. ' +
    'NRR = jejich výnos v období ÷ jejich výnos v předchozím období; rozšíření ho zvedá nad 1, odchody a snížení ho snižují. ' +
    'Noví zákazníci se nezapočítávají.',
  UPSELL_RATE: 'První objednávka zákazníka je jeho nejdříve datovaný řádek (při shodě ten výše). Upsell nastal, když má objednávka datovaná po ' +
    'tomto dni vyšší částku. Míra = zákazníci s upsellem ÷ všichni zákazníci (základ "repeat": ÷ zákazníci, kteří objednali znovu). ' +
    'S obdobím se zákazníci počítají v období své první objednávky (akviziční kohorta); pozdější objednávky mohou padnout až po něm.',
  CLV_PREDICT: 'Z nákupů do calibration_end: frekvence = počet dní s opakovaným nákupem (nákupy v jednom dni se počítají jednou, částky se ' +
    'sčítají), recence = od prvního do posledního dne nákupu, T = od prvního dne nákupu do calibration_end. BG/NBD (Fader, Hardie & Lee ' +
    '2005) se odhaduje metodou maximální věrohodnosti pro předpověď nákupů a P(alive); Gamma-Gamma na průměrné útratě opakovaných ' +
    'zákazníků pro předpověď útraty na nákup. CLV = Σ přes měsíce horizontu očekávané útraty × očekávaných nákupů v daném měsíci ' +
    '÷ (1 + discount_rate)^měsíc (měsíc má 365,25/12 dne; poslední může být neúplný).',
  MODEL_FIT: 'Odhady maximální věrohodnosti, které používá CLV_PREDICT: BG/NBD r a α (míra nákupů ~ Gamma(r, α), α v jednotce unit), a a b ' +
    '(pravděpodobnost odchodu ~ Beta(a, b)); Gamma-Gamma p, q a γ (útrata na nákup), odhadnuté na opakovaných zákaznících s kladnou ' +
    'průměrnou útratou; logaritmická věrohodnost každého modelu.',
};
