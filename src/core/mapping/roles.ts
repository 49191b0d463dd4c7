// Column roles and the header words that name them in English, Czech, Polish, Russian and Thai.

export const ROLES = [
  'date', 'customer', 'score', 'satisfaction', 'effort', 'amount', 'status', 'stage', 'start', 'end',
  'product', 'segment', 'orderId', 'dealId', 'created', 'closed', 'responded', 'probability', 'cost', 'contacts',
] as const;
export type Role = (typeof ROLES)[number];

/** Which cell type a role's column holds: dates, numbers, or anything (ids, words). */
export const ROLE_TYPE: Record<Role, 'date' | 'number' | 'any'> = {
  date: 'date', start: 'date', end: 'date', created: 'date', closed: 'date', responded: 'date',
  score: 'number', satisfaction: 'number', effort: 'number', amount: 'number', probability: 'number', cost: 'number', contacts: 'number',
  customer: 'any', status: 'any', stage: 'any', product: 'any', segment: 'any', orderId: 'any', dealId: 'any',
};

/**
 * Header words per role (written without diacritics; headers are folded the same way before matching).
 * Words of up to 3 Latin/Cyrillic letters match whole words only; longer ones and Thai match anywhere in the header.
 */
export const ROLE_WORDS: Record<Role, string[]> = {
  date: ['date', 'day', 'timestamp', 'datum', 'den', 'data', 'dzien', 'дата', 'день', 'วันที่', 'วัน'],
  customer: ['customer', 'client', 'account', 'company', 'email', 'zakaznik', 'klient', 'odberatel', 'firma', 'nabywca', 'клиент', 'покупатель', 'заказчик', 'ลูกค้า'],
  score: ['nps', 'score', 'rating', 'recommend', 'hodnoceni', 'skore', 'doporuc', 'ocena', 'polec', 'оценка', 'балл', 'рекоменд', 'คะแนน', 'แนะนำ'],
  satisfaction: ['csat', 'satisfaction', 'satisfied', 'spokojenost', 'zadowolenie', 'satysfakcja', 'удовлетвор', 'พึงพอใจ'],
  effort: ['effort', 'ces', 'ease', 'usili', 'namaha', 'wysilek', 'усили', 'ความพยายาม', 'ความง่าย'],
  amount: ['amount', 'value', 'revenue', 'price', 'total', 'mrr', 'arr', 'castka', 'hodnota', 'trzba', 'cena', 'obrat', 'kwota', 'wartosc', 'przychod', 'сумма', 'стоимость', 'выручка', 'цена', 'จำนวนเงิน', 'ยอดขาย', 'มูลค่า', 'ราคา'],
  status: ['status', 'outcome', 'result', 'churn', 'churned', 'state', 'stav', 'vysledek', 'odchod', 'wynik', 'odejscie', 'статус', 'результат', 'исход', 'отток', 'สถานะ', 'ผลลัพธ์', 'เลิกใช้'],
  stage: ['stage', 'phase', 'faze', 'etapa', 'etap', 'faza', 'стадия', 'этап', 'ขั้นตอน', 'สเตจ'],
  start: ['start', 'started', 'signup', 'since', 'from', 'zacatek', 'zahajeni', 'od', 'poczatek', 'rozpoczecie', 'начало', 'старт', 'เริ่ม'],
  end: ['end', 'ended', 'cancel', 'until', 'churn date', 'konec', 'ukonceni', 'do', 'koniec', 'zakonczenie', 'конец', 'окончание', 'отмена', 'สิ้นสุด', 'ยกเลิก'],
  product: ['product', 'item', 'sku', 'plan', 'produkt', 'polozka', 'towar', 'продукт', 'товар', 'тариф', 'สินค้า', 'ผลิตภัณฑ์'],
  segment: ['segment', 'region', 'tier', 'country', 'channel', 'market', 'group', 'category', 'contract', 'kraj', 'oblast', 'skupina', 'kanal', 'smlouva', 'grupa', 'kategoria', 'umowa', 'сегмент', 'регион', 'группа', 'канал', 'договор', 'กลุ่ม', 'ภูมิภาค', 'ช่องทาง', 'สัญญา'],
  orderId: ['order', 'invoice', 'objednavka', 'faktura', 'zamowienie', 'заказ', 'คำสั่งซื้อ', 'ใบสั่งซื้อ'],
  dealId: ['deal', 'opportunity', 'obchod', 'prilezitost', 'szansa', 'transakcja', 'сделка', 'ดีล', 'โอกาสการขาย'],
  created: ['created', 'opened', 'creation', 'vytvoreno', 'zalozeno', 'otevreno', 'utworzono', 'otwarto', 'создан', 'открыт', 'สร้าง', 'เปิด'],
  closed: ['closed', 'close', 'resolved', 'uzavreno', 'vyreseno', 'zamkniete', 'rozwiazane', 'закрыт', 'решен', 'ปิด', 'แก้ไขแล้ว'],
  responded: ['response', 'responded', 'replied', 'odpoved', 'odpowiedz', 'ответ', 'ตอบกลับ'],
  probability: ['probability', 'chance', 'pravdepodobnost', 'prawdopodobienstwo', 'вероятность', 'ความน่าจะเป็น'],
  cost: ['cost', 'spend', 'expense', 'naklady', 'koszt', 'затраты', 'расход', 'ต้นทุน', 'ค่าใช้จ่าย'],
  contacts: ['contacts', 'touches', 'interactions', 'kontakty', 'контакты', 'обращения', 'การติดต่อ'],
};

/** Lower case without Latin diacritics (č → c, ł → l, й → и), so "Částka" matches "castka". */
export function foldHeader(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').trim();
}
