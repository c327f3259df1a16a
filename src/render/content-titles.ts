/** Finnish and Swedish titles of the content suite's checks (issue 18), spread into CHECK_TITLES (./i18n.ts). */
export const CONTENT_CHECK_TITLES: Readonly<Record<string, Readonly<Record<'fi' | 'sv', string>>>> = {
  'content/publications-reachable': {
    fi: 'Näytejulkaisut voidaan hakea ja avata',
    sv: 'Exempelpublikationerna kan hämtas och öppnas',
  },
  'content/epub-valid': {
    fi: 'Julkaisut ovat kelvollisia EPUB-tiedostoja (EPUBCheck)',
    sv: 'Publikationerna är giltiga EPUB-filer (EPUBCheck)',
  },
  'content/a11y-metadata': {
    fi: 'Julkaisuissa on saavutettavuusmetatiedot',
    sv: 'Publikationerna har tillgänglighetsmetadata',
  },
  'content/metadata-consistent': {
    fi: 'Saavutettavuusmetatiedot vastaavat julkaisua',
    sv: 'Tillgänglighetsmetadata stämmer med publikationen',
  },
  'content/navigation': {
    fi: 'Julkaisuissa on sisällysluettelo, sivuluettelo ja lukujärjestys',
    sv: 'Publikationerna har innehållsförteckning, sidlista och läsordning',
  },
  'content/language': { fi: 'Julkaisut kertovat kielensä', sv: 'Publikationerna anger sitt språk' },
  'content/image-alternatives': {
    fi: 'Julkaisujen kuvilla on tekstivastineet',
    sv: 'Bilderna i publikationerna har textalternativ',
  },
  'content/ace-wcag': {
    fi: 'DAISY Ace ei löydä julkaisuista vakavia WCAG-virheitä',
    sv: 'DAISY Ace hittar inga allvarliga WCAG-fel i publikationerna',
  },
  'content/conformance-claim': {
    fi: 'Julkaisujen omat vaatimustenmukaisuusväitteet pitävät',
    sv: 'Publikationernas egna överensstämmelsepåståenden håller',
  },
  'content/statement-present': {
    fi: 'Saavutettavuusseloste on julkaistu',
    sv: 'Ett tillgänglighetsutlåtande är publicerat',
  },
  'content/statement-complete': {
    fi: 'Saavutettavuusselosteessa on kaikki vaaditut osat',
    sv: 'Tillgänglighetsutlåtandet har alla obligatoriska delar',
  },
  'content/statement-current': {
    fi: 'Saavutettavuusseloste ei ole vuotta vanhempi',
    sv: 'Tillgänglighetsutlåtandet är inte äldre än ett år',
  },
  'content/acr-readable': {
    fi: 'Toimittajan ACR (OpenACR) voidaan lukea',
    sv: 'Leverantörens ACR (OpenACR) kan läsas',
  },
};
