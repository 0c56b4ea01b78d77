// The explorer page's entry: starts the Explorer on the view the URL names, and offers a small
// read-only handle for automation (where an entity or relationship is drawn, in CSS pixels).
import './style.css';
import { Explorer } from './explorer.ts';
import { parseState } from './state.ts';

const explorer = new Explorer();
void explorer.apply(parseState(location.search), 'replace');
Object.assign(window, { coldwarExplorer: explorer.automation() });
