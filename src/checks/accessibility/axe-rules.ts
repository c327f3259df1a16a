/**
 * Static metadata of the axe-core rules this harness knows: impact, the tags that matter for scoring
 * and references (wcag*, EN-9.*, best-practice, experimental, deprecated), and the rule's help text.
 *
 * Why a table: an axe result lists passing rules by id only, so a rule's weight cannot come from the
 * evidence without making it depend on whether the vendor violated it. Weights must be the same for
 * every vendor, so they come from here (like Lighthouse's accessibility weights in default-config.js).
 *
 * Generated from axe-core 4.14.1 (axe._audit.rules and axe._audit.data.rules);
 * test/unit/checks/axe-rules.test.ts fails when it differs from the installed axe-core.
 */
import type { Impact } from '../../core/ids.ts';

export interface AxeRuleMeta {
  readonly impact: Impact;
  readonly tags: readonly string[];
  readonly help: string;
}

export const AXE_RULES_VERSION = '4.14.1';

export const AXE_RULES: Readonly<Record<string, AxeRuleMeta>> = {
  accesskeys: { impact: 'serious', tags: ['best-practice'], help: 'accesskey attribute value should be unique' },
  'area-alt': {
    impact: 'critical',
    tags: ['wcag2a', 'wcag244', 'wcag412', 'EN-9.2.4.4', 'EN-9.4.1.2'],
    help: 'Active <area> elements must have alternative text',
  },
  'aria-allowed-attr': {
    impact: 'critical',
    tags: ['wcag2a', 'wcag412', 'EN-9.4.1.2'],
    help: 'Elements must only use supported ARIA attributes',
  },
  'aria-allowed-role': {
    impact: 'minor',
    tags: ['best-practice'],
    help: 'ARIA role should be appropriate for the element',
  },
  'aria-braille-equivalent': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag412', 'EN-9.4.1.2'],
    help: 'aria-braille attributes must have a non-braille equivalent',
  },
  'aria-command-name': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag412', 'EN-9.4.1.2'],
    help: 'ARIA commands must have an accessible name',
  },
  'aria-conditional-attr': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag412', 'EN-9.4.1.2'],
    help: "ARIA attributes must be used as specified for the element's role",
  },
  'aria-deprecated-role': {
    impact: 'minor',
    tags: ['wcag2a', 'wcag412', 'EN-9.4.1.2'],
    help: 'Deprecated ARIA roles must not be used',
  },
  'aria-dialog-name': {
    impact: 'serious',
    tags: ['best-practice'],
    help: 'ARIA dialog and alertdialog nodes should have an accessible name',
  },
  'aria-hidden-body': {
    impact: 'critical',
    tags: ['wcag2a', 'wcag131', 'wcag412', 'EN-9.1.3.1', 'EN-9.4.1.2'],
    help: 'aria-hidden="true" must not be present on the document body',
  },
  'aria-hidden-focus': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag412', 'EN-9.4.1.2'],
    help: 'ARIA hidden element must not be focusable or contain focusable elements',
  },
  'aria-input-field-name': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag412', 'EN-9.4.1.2'],
    help: 'ARIA input fields must have an accessible name',
  },
  'aria-meter-name': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag111', 'EN-9.1.1.1'],
    help: 'ARIA meter nodes must have an accessible name',
  },
  'aria-progressbar-name': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag111', 'EN-9.1.1.1'],
    help: 'ARIA progressbar nodes must have an accessible name',
  },
  'aria-prohibited-attr': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag412', 'EN-9.4.1.2'],
    help: 'Elements must only use permitted ARIA attributes',
  },
  'aria-required-attr': {
    impact: 'critical',
    tags: ['wcag2a', 'wcag412', 'EN-9.4.1.2'],
    help: 'Required ARIA attributes must be provided',
  },
  'aria-required-children': {
    impact: 'critical',
    tags: ['wcag2a', 'wcag131', 'EN-9.1.3.1'],
    help: 'Certain ARIA roles must contain particular children',
  },
  'aria-required-parent': {
    impact: 'critical',
    tags: ['wcag2a', 'wcag131', 'EN-9.1.3.1'],
    help: 'Certain ARIA roles must be contained by particular parents',
  },
  'aria-roledescription': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag412', 'EN-9.4.1.2', 'deprecated'],
    help: 'aria-roledescription must be on elements with a semantic role',
  },
  'aria-roles': {
    impact: 'critical',
    tags: ['wcag2a', 'wcag412', 'EN-9.4.1.2'],
    help: 'ARIA roles used must conform to valid values',
  },
  'aria-tab-name': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag412', 'EN-9.4.1.2'],
    help: 'ARIA tab nodes must have an accessible name',
  },
  'aria-text': { impact: 'serious', tags: ['best-practice'], help: '"role=text" should have no focusable descendants' },
  'aria-toggle-field-name': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag412', 'EN-9.4.1.2'],
    help: 'ARIA toggle fields must have an accessible name',
  },
  'aria-tooltip-name': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag412', 'EN-9.4.1.2'],
    help: 'ARIA tooltip nodes must have an accessible name',
  },
  'aria-treeitem-name': {
    impact: 'serious',
    tags: ['best-practice'],
    help: 'ARIA treeitem nodes should have an accessible name',
  },
  'aria-valid-attr': {
    impact: 'critical',
    tags: ['wcag2a', 'wcag412', 'EN-9.4.1.2'],
    help: 'ARIA attributes must conform to valid names',
  },
  'aria-valid-attr-value': {
    impact: 'critical',
    tags: ['wcag2a', 'wcag412', 'EN-9.4.1.2'],
    help: 'ARIA attributes must conform to valid values',
  },
  'audio-caption': {
    impact: 'critical',
    tags: ['wcag2a', 'wcag121', 'EN-9.1.2.1', 'deprecated'],
    help: '<audio> elements must have a captions track',
  },
  'autocomplete-valid': {
    impact: 'serious',
    tags: ['wcag21aa', 'wcag135', 'EN-9.1.3.5'],
    help: 'autocomplete attribute must be used correctly',
  },
  'avoid-inline-spacing': {
    impact: 'serious',
    tags: ['wcag21aa', 'wcag1412', 'EN-9.1.4.12'],
    help: 'Inline text spacing must be adjustable with custom stylesheets',
  },
  blink: {
    impact: 'serious',
    tags: ['wcag2a', 'wcag222', 'EN-9.2.2.2'],
    help: '<blink> elements are deprecated and must not be used',
  },
  'button-name': {
    impact: 'critical',
    tags: ['wcag2a', 'wcag412', 'EN-9.4.1.2'],
    help: 'Buttons must have discernible text',
  },
  bypass: {
    impact: 'serious',
    tags: ['wcag2a', 'wcag241', 'EN-9.2.4.1'],
    help: 'Page must have means to bypass repeated blocks',
  },
  'color-contrast': {
    impact: 'serious',
    tags: ['wcag2aa', 'wcag143', 'EN-9.1.4.3'],
    help: 'Elements must meet minimum color contrast ratio thresholds',
  },
  'color-contrast-enhanced': {
    impact: 'serious',
    tags: ['wcag2aaa', 'wcag146'],
    help: 'Elements must meet enhanced color contrast ratio thresholds',
  },
  'css-orientation-lock': {
    impact: 'serious',
    tags: ['wcag134', 'wcag21aa', 'EN-9.1.3.4', 'experimental'],
    help: 'CSS Media queries must not lock display orientation',
  },
  'definition-list': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag131', 'EN-9.1.3.1'],
    help:
      '<dl> elements must only directly contain properly-ordered <dt> and <dd> groups, <script>, <template> or ' +
      '<div> elements',
  },
  dlitem: {
    impact: 'serious',
    tags: ['wcag2a', 'wcag131', 'EN-9.1.3.1'],
    help: '<dt> and <dd> elements must be contained by a <dl>',
  },
  'document-title': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag242', 'EN-9.2.4.2'],
    help: 'Documents must have <title> element to aid in navigation',
  },
  'duplicate-id': {
    impact: 'minor',
    tags: ['wcag2a-obsolete', 'wcag411', 'deprecated'],
    help: 'id attribute value must be unique',
  },
  'duplicate-id-active': {
    impact: 'serious',
    tags: ['wcag2a-obsolete', 'wcag411', 'deprecated'],
    help: 'IDs of active elements must be unique',
  },
  'duplicate-id-aria': {
    impact: 'critical',
    tags: ['wcag2a', 'wcag412', 'EN-9.4.1.2'],
    help: 'IDs used in ARIA and labels must be unique',
  },
  'empty-heading': { impact: 'minor', tags: ['best-practice'], help: 'Headings should not be empty' },
  'empty-table-header': { impact: 'minor', tags: ['best-practice'], help: 'Table header text should not be empty' },
  'focus-order-semantics': {
    impact: 'minor',
    tags: ['best-practice', 'experimental'],
    help: 'Elements in the focus order should have an appropriate role',
  },
  'form-field-multiple-labels': {
    impact: 'moderate',
    tags: ['wcag2a', 'wcag332', 'EN-9.3.3.2'],
    help: 'Form field must not have multiple label elements',
  },
  'frame-focusable-content': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag211', 'EN-9.2.1.1'],
    help: 'Frames with focusable content must not have tabindex=-1',
  },
  'frame-tested': { impact: 'critical', tags: ['best-practice'], help: 'Frames should be tested with axe-core' },
  'frame-title': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag412', 'EN-9.4.1.2'],
    help: 'Frames must have an accessible name',
  },
  'frame-title-unique': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag412', 'EN-9.4.1.2'],
    help: 'Frames must have a unique title attribute',
  },
  'heading-order': { impact: 'moderate', tags: ['best-practice'], help: 'Heading levels should only increase by one' },
  'hidden-content': {
    impact: 'minor',
    tags: ['best-practice', 'experimental'],
    help: 'Hidden content on the page should be analyzed',
  },
  'html-has-lang': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag311', 'EN-9.3.1.1'],
    help: '<html> element must have a lang attribute',
  },
  'html-lang-valid': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag311', 'EN-9.3.1.1'],
    help: '<html> element must have a valid value for the lang attribute',
  },
  'html-xml-lang-mismatch': {
    impact: 'moderate',
    tags: ['wcag2a', 'wcag311', 'EN-9.3.1.1'],
    help: 'HTML elements with lang and xml:lang must have the same base language',
  },
  'identical-links-same-purpose': {
    impact: 'minor',
    tags: ['wcag2aaa', 'wcag249'],
    help: 'Links with the same name must have a similar purpose',
  },
  'image-alt': {
    impact: 'critical',
    tags: ['wcag2a', 'wcag111', 'EN-9.1.1.1'],
    help: 'Images must have alternative text',
  },
  'image-redundant-alt': {
    impact: 'minor',
    tags: ['best-practice'],
    help: 'Alternative text of images should not be repeated as text',
  },
  'input-button-name': {
    impact: 'critical',
    tags: ['wcag2a', 'wcag412', 'EN-9.4.1.2'],
    help: 'Input buttons must have discernible text',
  },
  'input-image-alt': {
    impact: 'critical',
    tags: ['wcag2a', 'wcag111', 'wcag412', 'EN-9.1.1.1', 'EN-9.4.1.2'],
    help: 'Image buttons must have alternative text',
  },
  label: { impact: 'critical', tags: ['wcag2a', 'wcag412', 'EN-9.4.1.2'], help: 'Form elements must have labels' },
  'label-content-name-mismatch': {
    impact: 'serious',
    tags: ['wcag21a', 'wcag253', 'EN-9.2.5.3'],
    help: 'Elements must have their visible text as part of their accessible name',
  },
  'label-title-only': { impact: 'serious', tags: ['best-practice'], help: 'Form elements should have a visible label' },
  'landmark-banner-is-top-level': {
    impact: 'moderate',
    tags: ['best-practice'],
    help: 'Banner landmark should not be contained in another landmark',
  },
  'landmark-complementary-is-top-level': {
    impact: 'moderate',
    tags: ['best-practice', 'deprecated'],
    help: 'Aside should not be contained in another landmark',
  },
  'landmark-contentinfo-is-top-level': {
    impact: 'moderate',
    tags: ['best-practice'],
    help: 'Contentinfo landmark should not be contained in another landmark',
  },
  'landmark-main-is-top-level': {
    impact: 'moderate',
    tags: ['best-practice'],
    help: 'Main landmark should not be contained in another landmark',
  },
  'landmark-no-duplicate-banner': {
    impact: 'moderate',
    tags: ['best-practice'],
    help: 'Document should not have more than one banner landmark',
  },
  'landmark-no-duplicate-contentinfo': {
    impact: 'moderate',
    tags: ['best-practice'],
    help: 'Document should not have more than one contentinfo landmark',
  },
  'landmark-no-duplicate-main': {
    impact: 'moderate',
    tags: ['best-practice'],
    help: 'Document should not have more than one main landmark',
  },
  'landmark-one-main': { impact: 'moderate', tags: ['best-practice'], help: 'Document should have one main landmark' },
  'landmark-unique': {
    impact: 'moderate',
    tags: ['best-practice'],
    help: 'Landmarks should have a unique role or role/label/title (i.e. accessible name) combination',
  },
  'link-in-text-block': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag141', 'EN-9.1.4.1'],
    help: 'Links must be distinguishable without relying on color',
  },
  'link-name': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag244', 'wcag412', 'EN-9.2.4.4', 'EN-9.4.1.2'],
    help: 'Links must have discernible text',
  },
  list: {
    impact: 'serious',
    tags: ['wcag2a', 'wcag131', 'EN-9.1.3.1'],
    help: '<ul> and <ol> must only directly contain <li>, <script> or <template> elements',
  },
  listitem: {
    impact: 'serious',
    tags: ['wcag2a', 'wcag131', 'EN-9.1.3.1'],
    help: '<li> elements must be contained in a <ul> or <ol>',
  },
  marquee: {
    impact: 'serious',
    tags: ['wcag2a', 'wcag222', 'EN-9.2.2.2'],
    help: '<marquee> elements are deprecated and must not be used',
  },
  'meta-refresh': {
    impact: 'critical',
    tags: ['wcag2a', 'wcag221', 'EN-9.2.2.1'],
    help: 'Delayed refresh under 20 hours must not be used',
  },
  'meta-refresh-no-exceptions': {
    impact: 'minor',
    tags: ['wcag2aaa', 'wcag224', 'wcag325'],
    help: 'Delayed refresh must not be used',
  },
  'meta-viewport': {
    impact: 'moderate',
    tags: ['wcag2aa', 'wcag144', 'EN-9.1.4.4'],
    help: 'Zooming and scaling must not be disabled',
  },
  'meta-viewport-large': {
    impact: 'minor',
    tags: ['best-practice'],
    help: 'Users should be able to zoom and scale the text up to 500%',
  },
  'nested-interactive': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag412', 'EN-9.4.1.2'],
    help: 'Interactive controls must not be nested',
  },
  'no-autoplay-audio': {
    impact: 'moderate',
    tags: ['wcag2a', 'wcag142', 'EN-9.1.4.2'],
    help: '<video> or <audio> elements must not play automatically',
  },
  'object-alt': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag111', 'EN-9.1.1.1'],
    help: '<object> elements must have alternative text',
  },
  'p-as-heading': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag131', 'EN-9.1.3.1', 'experimental'],
    help: 'Styled <p> elements must not be used as headings',
  },
  'page-has-heading-one': {
    impact: 'moderate',
    tags: ['best-practice'],
    help: 'Page should contain a level-one heading',
  },
  'presentation-role-conflict': {
    impact: 'minor',
    tags: ['best-practice'],
    help: 'Elements marked as presentational should be consistently ignored',
  },
  region: { impact: 'moderate', tags: ['best-practice'], help: 'All page content should be contained by landmarks' },
  'role-img-alt': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag111', 'EN-9.1.1.1'],
    help: '[role="img"] and [role="image"] elements must have alternative text',
  },
  'scope-attr-valid': { impact: 'moderate', tags: ['best-practice'], help: 'scope attribute should be used correctly' },
  'scrollable-region-focusable': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag211', 'wcag213', 'EN-9.2.1.1', 'EN-9.2.1.3'],
    help: 'Scrollable region must have keyboard access',
  },
  'select-name': {
    impact: 'critical',
    tags: ['wcag2a', 'wcag412', 'EN-9.4.1.2'],
    help: 'Select element must have an accessible name',
  },
  'server-side-image-map': {
    impact: 'minor',
    tags: ['wcag2a', 'wcag211', 'EN-9.2.1.1'],
    help: 'Server-side image maps must not be used',
  },
  'skip-link': {
    impact: 'moderate',
    tags: ['best-practice'],
    help: 'The skip-link target should exist and be focusable',
  },
  'summary-name': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag412', 'EN-9.4.1.2'],
    help: 'Summary elements must have discernible text',
  },
  'svg-img-alt': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag111', 'EN-9.1.1.1'],
    help: '<svg> elements with an img or image role must have alternative text',
  },
  tabindex: { impact: 'serious', tags: ['best-practice'], help: 'Elements should not have tabindex greater than zero' },
  'table-duplicate-name': {
    impact: 'minor',
    tags: ['best-practice'],
    help: 'Tables should not have the same summary and caption',
  },
  'table-fake-caption': {
    impact: 'serious',
    tags: ['experimental', 'wcag2a', 'wcag131', 'EN-9.1.3.1'],
    help: 'Data or header cells must not be used to give caption to a data table.',
  },
  'target-size': {
    impact: 'serious',
    tags: ['wcag22aa', 'wcag258', 'EN-9.2.5.8'],
    help: 'All touch targets must be 24px large, or leave sufficient space',
  },
  'td-has-header': {
    impact: 'critical',
    tags: ['experimental', 'wcag2a', 'wcag131', 'EN-9.1.3.1'],
    help: 'Non-empty <td> elements in larger <table> must have an associated table header',
  },
  'td-headers-attr': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag131', 'EN-9.1.3.1'],
    help: 'Table cell headers attributes must refer to other <th> elements in the same table',
  },
  'th-has-data-cells': {
    impact: 'serious',
    tags: ['wcag2a', 'wcag131', 'EN-9.1.3.1'],
    help: 'Table headers in a data table must refer to data cells',
  },
  'valid-lang': {
    impact: 'serious',
    tags: ['wcag2aa', 'wcag312', 'EN-9.3.1.2'],
    help: 'lang attribute must have a valid value',
  },
  'video-caption': {
    impact: 'critical',
    tags: ['wcag2a', 'wcag122', 'EN-9.1.2.2'],
    help: '<video> elements must have captions',
  },
};
