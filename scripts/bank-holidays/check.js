// Checks src/main/resources/bank-holidays.json against the npm package date-holidays, a source
// independent of generate.py: each division's days off from 2018 to 2028 must be the same.
//   cd scripts/bank-holidays && npm ci && node check.js
const fs = require('fs');
const path = require('path');
const Holidays = require('date-holidays');

const file = JSON.parse(fs.readFileSync(path.join(__dirname, '../../src/main/resources/bank-holidays.json'), 'utf8'));
const regions = { 'england-and-wales': ['GB', 'ENG'], scotland: ['GB', 'SCT'], 'northern-ireland': ['GB', 'NIR'] };
let differences = 0;
for (const [division, region] of Object.entries(regions)) {
  const ours = new Set(file[division].events.map((event) => event.date));
  const theirs = new Set();
  const holidays = new Holidays(...region);
  for (let year = 2018; year <= 2028; year++) {
    for (const holiday of holidays.getHolidays(year)) {
      const date = holiday.date.slice(0, 10);
      const weekday = new Date(date + 'T12:00:00Z').getUTCDay();
      if ((holiday.type === 'public' || holiday.type === 'bank') && weekday !== 0 && weekday !== 6) {
        theirs.add(date);
      }
    }
  }
  for (const date of ours) if (!theirs.has(date)) { console.log(`${division}: ${date} only in bank-holidays.json`); differences++; }
  for (const date of theirs) if (!ours.has(date)) { console.log(`${division}: ${date} only in date-holidays`); differences++; }
  console.log(`${division}: ${ours.size} days in bank-holidays.json, ${theirs.size} in date-holidays`);
}
process.exit(differences === 0 ? 0 : 1);
