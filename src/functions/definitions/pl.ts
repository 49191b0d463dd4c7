// Polish definitions of the summary metrics, by function name: the English `definition` of each entry, translated.

export const pl: Readonly<Record<string, string>> = {
  NPS: 'Promotorzy odpowiadają 9–10, bierni 7–8, krytycy 0–6. NPS = (promotorzy − krytycy) ÷ liczba odpowiedzi × 100. Puste komórki są pomijane.',
  NPS_BREAKDOWN: 'Liczba promotorów (9–10), biernych (7–8) i krytyków (0–6) wraz z udziałem każdej grupy we wszystkich odpowiedziach, na końcu suma.',
  NPS_CI: 'Skorygowany przedział Walda: do liczby odpowiedzi dodaje się 3, a do promotorów i krytyków ¾; p i d to ich udziały, ' +
    'NPS′ = p − d, wariancja (p + d − NPS′²) ÷ n; przedział NPS′ ± z·√wariancja × 100, ograniczony do −100..100.',
  CSAT: 'Odpowiedzi równe progowi lub wyższe ÷ wszystkie odpowiedzi. Domyślny próg to dwa najwyższe punkty skali ' +
    '(4–5 z 5, 9–10 z 10). Oceny to liczby całkowite od 1 do wartości skali (na skali 10-punktowej od 0 do 10).',
  CES: 'Średnia odpowiedzi; odpowiedzi to liczby całkowite od 1 do wartości skali (domyślnie 7). Puste komórki są pomijane.',
  CHURN: 'Statusy: odeszli ÷ wszystkie niepuste statusy. Daty: spośród klientów aktywnych na początku okresu (zaczęli przed nim i nie skończyli ' +
    'przed nim) udział tych, których data końca przypada w tym okresie. Okresy są prawostronnie otwarte: koniec w pierwszym dniu następnego ' +
    'okresu liczy się tam. method "inclusive" liczy jako odejścia także klientów, którzy zaczęli i skończyli w tym okresie.',
  COHORT_RETENTION: 'Każdy klient należy do kohorty okresu, w którym przypada jego data początku. Kolumna j to udział kohorty, który nadal jest ' +
    'klientem na koniec j-tego okresu po jej własnym (j = 0: koniec okresu początkowego), tzn. ma pustą datę końca albo datę przypadającą ' +
    'w końcu tego okresu lub później. Komórki za ostatnim okresem danych są puste, podobnie jak udziały pustej kohorty.',
  RENEWAL_RATE: 'Każdy niepusty wynik to umowa do odnowienia; liczy się jako odnowiona, gdy jej tekst jest jednym ze słów oznaczających ' +
    'odnowienie (bez względu na wielkość liter). W polach wyboru TRUE liczy się jako odnowienie.',
  RETENTION: '1 − CHURN według tych samych zasad: spośród klientów aktywnych na początku okresu udział tych, którzy nadal są klientami na jego końcu.',
  RETENTION_COST: 'Suma kosztów ÷ liczba utrzymanych klientów. retained_customers to liczba albo zakres, którego niepuste komórki są liczone ' +
    '(jedna komórka z tekstem liczy się jako jeden klient).',
  CLOSE_RATE: 'Wygrane ÷ wszystkie niepuste wyniki, łącznie z otwartymi i przegranymi. Wygrana to "won" lub "closed won" ' +
    '(bez względu na wielkość liter), chyba że argument won podaje inne słowa.',
  LEAD_CONVERSION: 'Leady, których status jest słowem oznaczającym konwersję ÷ wszystkie niepuste statusy. Słowa konwersji (bez względu na ' +
    'wielkość liter) to "converted", "customer", "won", "closed won", "true", "yes", chyba że argument converted podaje inne; zaznaczone ' +
    'pole wyboru jest odczytywane jako TRUE.',
  LEAD_QUALIFICATION_RATE: 'Leady, których status jest słowem oznaczającym kwalifikację ÷ wszystkie niepuste statusy. Słowa kwalifikacji ' +
    '(bez względu na wielkość liter) to "qualified", "mql", "sql", "sal", "marketing qualified", "sales qualified", "opportunity", ' +
    '"converted", "customer", "won", "closed won", "true", "yes" (statusy dalej w lejku liczą się jako zakwalifikowane), chyba że ' +
    'argument qualified podaje inne.',
  LEAD_RESPONSE_TIME: 'Średnia różnicy pierwsza odpowiedź − utworzenie dla leadów z obiema datami; leady z pustą datą są pomijane, odpowiedź ' +
    'przed utworzeniem leada to błąd wskazujący wiersz. Przy okresie leady są datowane datą utworzenia.',
  TRAFFIC_TO_LEAD: 'Suma leadów ÷ suma odwiedzających; każda może być jedną liczbą albo zakresem (puste komórki nic nie dodają). Przy okresie ' +
    'oba są zakresami obok dat i sumowane są tylko wiersze datowane w tym okresie.',
  WIN_RATE: 'Wygrane ÷ (wygrane + przegrane). Wyniki są dopasowywane bez względu na wielkość liter: wygrana to "won" lub "closed won", ' +
    'przegrana to "lost" lub "closed lost", chyba że argumenty won i lost podają inne słowa; wszystko inne to otwarta transakcja, ' +
    'która jest pomijana. Puste komórki są pomijane.',
  PIPELINE_VALUE: 'Σ kwota (× prawdopodobieństwo) dla otwartych transakcji — wyników, które nie są ani wygraną ("won", "closed won"), ani ' +
    'przegraną ("lost", "closed lost"), chyba że argumenty won i lost podają inne słowa. Otwarta transakcja z pustą kwotą lub pustym ' +
    'prawdopodobieństwem nic nie dodaje. Przy okresie transakcje są datowane podanymi datami (np. oczekiwaną datą zamknięcia).',
  SALES_CYCLE: 'zamknięcie − utworzenie w dniach dla wierszy z obiema datami; przy wynikach tylko wygrane transakcje ("won", "closed won", ' +
    'chyba że argument won podaje inne słowa). Zamknięcie przed utworzeniem to błąd wskazujący wiersz. Przy okresie transakcje są ' +
    'datowane datą zamknięcia.',
  SALES_VELOCITY: 'otwarte transakcje × (średnia kwota wygranych transakcji) × wygrane ÷ (wygrane + przegrane) ÷ (średnia liczba dni od ' +
    'utworzenia do zamknięcia wygranych transakcji). Wyniki: wygrana to "won"/"closed won", przegrana to "lost"/"closed lost", chyba że ' +
    'argumenty won i lost stanowią inaczej; wszystko inne jest otwarte. Przy okresie wartość liczona jest z transakcji utworzonych w nim.',
  STAGE_DURATION: 'Wiersze to wejścia do etapów (transakcja, etap, data wejścia). Transakcja pozostaje w etapie, dopóki nie wejdzie do ' +
    'następnego (według daty); jej bieżący etap nie jest liczony. Ponowne wejścia do tego samego etapu sumują się dla transakcji. Etapy ' +
    'są wymienione w kolejności pierwszego pojawienia się. Przy okresie pobyty są datowane dniem rozpoczęcia.',
  AVG_RESPONSE_TIME: 'Średnia różnicy odpowiedź − otwarcie dla zgłoszeń z obiema datami; zgłoszenia z pustą datą są pomijane, odpowiedź przed ' +
    'otwarciem zgłoszenia to błąd wskazujący wiersz. Przy okresie zgłoszenia są datowane datą otwarcia.',
  ENGAGEMENT_RATE: 'Suma zaangażowanych ÷ suma całości; każda może być jedną liczbą albo zakresem (puste komórki nic nie dodają). Przy okresie ' +
    'oba są zakresami obok dat i sumowane są tylko wiersze datowane w tym okresie.',
  FCR: 'Zgłoszenia rozwiązane przy pierwszym kontakcie ÷ wszystkie zgłoszenia. Każda komórka to liczba kontaktów (1 = pierwszy kontakt; ' +
    '2 lub więcej = nie; 0 oznacza nie, jak w kolumnie 1/0) albo TRUE/FALSE, yes/no. Puste komórki są pomijane.',
  RESOLUTION_TIME: 'rozwiązanie − otwarcie dla zgłoszeń z obiema datami, podsumowane jako średnia (domyślnie) lub mediana; otwarte zgłoszenia ' +
    '(puste rozwiązanie) są pomijane, rozwiązanie przed otwarciem to błąd wskazujący wiersz. Przy okresie zgłoszenia są datowane datą rozwiązania.',
  SLA_COMPLIANCE: 'Zgłoszenia, w których odpowiedź − otwarcie wynosi najwyżej target_hours ÷ zgłoszenia z obiema datami. Zgłoszenia jeszcze ' +
    'bez odpowiedzi (pusta odpowiedź) są pomijane; odpowiedź przed otwarciem to błąd wskazujący wiersz. Przy okresie zgłoszenia są ' +
    'datowane datą otwarcia.',
  APV: 'Suma kwot ÷ liczba zamówień. Bez identyfikatorów zamówień każda niepusta kwota jest zamówieniem; z nimi wiersze o tym samym ' +
    'identyfikatorze tworzą jedno zamówienie, a wiersz z kwotą, ale bez identyfikatora, jest osobnym zamówieniem.',
  CAC: 'Suma kosztów ÷ liczba nowych klientów. new_customers to liczba albo zakres, którego niepuste komórki są liczone (jedna komórka ' +
    'z tekstem liczy się jako jeden klient).',
  CLV_HISTORIC: 'Suma kwot ÷ liczba różnych klientów, dla wierszy zawierających zarówno klienta, jak i kwotę.',
  CROSS_SELL_RATE: 'Klienci z co najmniej dwoma różnymi produktami ÷ klienci z co najmniej jednym, dla wierszy zawierających zarówno klienta, ' +
    'jak i produkt. Produkty są porównywane jako tekst, dokładnie (po usunięciu spacji na brzegach).',
  NET_NEW_REVENUE: 'Pierwszy zakup klienta to jego najwcześniej datowane zamówienie w całym zakresie. Nowy przychód netto okresu to suma ' +
    'kwot datowanych w nim od klientów, których pierwszy zakup przypada w tym samym okresie. Wiersze wymagają klienta, daty i kwoty.',
  NRR: 'Bazę tworzą klienci, których kwoty w poprzednim okresie (bezpośrednio poprzedzającym, tej samej długości) sumują się do więcej niż 0. ' +
    'NRR = ich przychód w okresie ÷ ich przychód w poprzednim okresie; ekspansja podnosi go powyżej 1, odejścia i zmniejszenia go ' +
    'obniżają. Nowi klienci są pomijani.',
  UPSELL_RATE: 'Pierwsze zamówienie klienta to jego najwcześniej datowany wiersz (przy remisie wyższy). Upsell następuje, gdy zamówienie ' +
    'datowane po tym dniu ma wyższą kwotę. Wskaźnik = klienci z upsellem ÷ wszyscy klienci (baza "repeat": ÷ klienci, którzy zamówili ' +
    'ponownie). Przy okresie klienci są liczeni w okresie pierwszego zamówienia (kohorta pozyskania); późniejsze zamówienia mogą przypaść po nim.',
  CLV_PREDICT: 'Na podstawie zakupów do calibration_end: częstotliwość = liczba dni z ponownym zakupem (zakupy z jednego dnia liczą się raz, ' +
    'kwoty się sumują), świeżość = od pierwszego do ostatniego dnia zakupu, T = od pierwszego dnia zakupu do calibration_end. BG/NBD ' +
    '(Fader, Hardie & Lee 2005) jest dopasowywany metodą największej wiarygodności, by przewidzieć zakupy i P(alive); Gamma-Gamma do ' +
    'średnich wydatków powracających klientów, by przewidzieć wydatek na zakup. CLV = Σ po miesiącach horyzontu oczekiwanego wydatku × ' +
    'oczekiwanej liczby zakupów w danym miesiącu ÷ (1 + discount_rate)^miesiąc (miesiąc to 365,25/12 dnia; ostatni może być niepełny).',
  MODEL_FIT: 'Estymatory największej wiarygodności używane przez CLV_PREDICT: BG/NBD r i α (tempo zakupów ~ Gamma(r, α), α w jednostce unit), ' +
    'a i b (prawdopodobieństwo odejścia ~ Beta(a, b)); Gamma-Gamma p, q i γ (wydatek na zakup), dopasowane na powracających klientach ' +
    'z dodatnim średnim wydatkiem; logarytm wiarygodności każdego modelu.',
};
