// NHTSA recall flat files written by the tests, in the layout NHTSA documents (RCL.txt): tab-delimited,
// no header, YYYYMMDD dates, Windows-1252 text, 29 fields (27 before May 2025); and the .zip as NHTSA
// ships it (one deflated .txt entry).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { computeCheckDigit } from '../../shared/vin';

export type RclRow = {
  campaign: string;
  make: string;
  model: string;
  year: string;
  mfgCampaign?: string;
  component?: string;
  type?: string;
  builtFrom?: string;
  builtTo?: string;
  reportDate?: string;
  summary?: string;
  consequence?: string;
  remedy?: string;
  doNotDrive?: 'Yes' | 'No' | string;
  parkOutside?: 'Yes' | 'No' | string;
};

let recordId = 100_000;

/** One row's fields in RCL.txt's order: 29, or 27 for the vintage before the two May 2025 flags. */
export function rclFields(r: RclRow, fields: 29 | 27 = 29): string[] {
  const f = [
    String(recordId++),
    r.campaign,
    r.make,
    r.model,
    r.year,
    r.mfgCampaign ?? '',
    r.component ?? 'AIR BAGS:FRONTAL:PASSENGER SIDE:INFLATOR MODULE',
    `${r.make} MOTOR CO.`,
    r.builtFrom ?? '',
    r.builtTo ?? '',
    r.type ?? 'V',
    '12345',
    '20190601',
    'MFR',
    `${r.make} MOTOR CO.`,
    r.reportDate ?? '20190415',
    '20190420',
    '',
    '208',
    r.summary ?? `${r.make} is recalling certain ${r.year} ${r.model} vehicles.`,
    r.consequence ?? 'An injury may occur.',
    r.remedy ?? 'Dealers will replace the part, free of charge.',
    'Owners may also contact NHTSA.',
    '000012345000123456000000123',
    'ACME PARTS',
    'INFLATOR',
    'P-123',
    r.doNotDrive ?? 'No',
    r.parkOutside ?? 'No',
  ];
  return f.slice(0, fields);
}

const CP1252: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, '™': 0x99 };

/** Text as Windows-1252 bytes (what NHTSA's file holds), not UTF-8. */
export function windows1252(text: string): Buffer {
  const out = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const code = c.charCodeAt(0);
    out[i] = CP1252[c] ?? (code <= 0xff ? code : 0x3f);
  }
  return out;
}

export function rclText(rows: (RclRow | string)[], fields: 29 | 27 = 29): string {
  return `${rows.map((r) => (typeof r === 'string' ? r : rclFields(r, fields).join('\t'))).join('\r\n')}\r\n`;
}

export function writeRcl(dir: string, name: string, rows: (RclRow | string)[], fields: 29 | 27 = 29): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, windows1252(rclText(rows, fields)));
  return file;
}

/** A .zip holding one deflated entry, as NHTSA's FLAT_RCL_*.zip downloads do. */
export function writeZip(file: string, entryName: string, content: Buffer): string {
  const data = zlib.deflateRawSync(content);
  const crc = zlib.crc32(content);
  const name = Buffer.from(entryName);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const dirOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(dirOffset, 16);
  fs.writeFileSync(file, Buffer.concat([local, name, data, central, name, end]));
  return file;
}

/** The VIN with its check digit (position 9) computed. */
export const withCheckDigit = (v: string): string => v.slice(0, 8) + computeCheckDigit(v)! + v.slice(9);

/** A 2019 Honda Accord VIN that vPIC decodes as such (check digit computed). */
export const ACCORD_2019 = '1HGCV1F38KA000123';

/**
 * The fixture: 2019 Accord recalls (one do-not-drive, one park-outside, one plain, one outside the
 * production month 2019-01), a Civic whose summary was cut over two lines, a Lexus row naming a library
 * bulletin, an RX350 written without a space, an equipment record and a row with an unknown year.
 */
export function fixtureRows(fields: 29 | 27 = 29): (RclRow | string)[] {
  // A summary that held two line breaks: the middle piece has no tab at all.
  const broken = rclFields(
    { campaign: '19V300000', make: 'HONDA', model: 'CIVIC', year: '2019', summary: 'The fuel pump may fail.\u0001The engine may stall\u0001without warning.' },
    fields,
  ).join('\t');
  const [head, middle, tail] = broken.split('\u0001');
  return [
    {
      campaign: '19V182000',
      make: 'HONDA',
      model: 'ACCORD',
      year: '2019',
      component: 'AIR BAGS:FRONTAL:DRIVER SIDE:INFLATOR MODULE',
      summary: 'The driver’s air bag inflator may rupture (“explode”).',
      consequence: 'Metal fragments may strike the driver.',
      remedy: 'Dealers will replace the inflator.',
      builtFrom: '20180601',
      builtTo: '20190331',
      doNotDrive: 'Yes',
    },
    {
      campaign: '20V100000',
      make: 'HONDA',
      model: 'ACCORD',
      year: '2019',
      component: 'ELECTRICAL SYSTEM:12V BATTERY',
      parkOutside: 'Yes',
      reportDate: '20200110',
    },
    { campaign: '19V500000', make: 'HONDA', model: 'ACCORD', year: '2019', component: 'FUEL SYSTEM, GASOLINE', reportDate: '20190801' },
    { campaign: '18V001000', make: 'HONDA', model: 'ACCORD', year: '2019', component: 'STEERING', builtFrom: '20170101', builtTo: '20170630' },
    head!,
    middle!,
    tail!,
    { campaign: '07V999000', make: 'LEXUS', model: 'GS 350', year: '2007', mfgCampaign: 'ALE', component: 'ENGINE:VALVE SPRINGS' },
    { campaign: '22V777000', make: 'LEXUS', model: 'RX350', year: '2010', component: 'SEATS' },
    { campaign: '19E010000', make: 'ACME', model: 'BOOSTER SEAT', year: '2019', type: 'C' },
    { campaign: '19V600000', make: 'HONDA', model: 'PILOT', year: '9999' },
  ];
}
