// The slates the app shows, built with tribe-sdk/slate: typed props, ids made from the tree, checked before they are sent.
import { ui, type SlateNode } from 'tribe-sdk/slate';
import type { SeenPost } from './poll-state.js';

/** The poll's settings, kept by the platform and sent back with every request. */
export interface PollSettings {
  question: string;
  options: string;
}

/** The settings before an admin saved any. */
export const DEFAULT_SETTINGS: PollSettings = { question: 'Tabs or spaces?', options: 'Tabs, Spaces' };

/** The options of the poll, from the comma-separated setting. */
export function optionsOf(settings: PollSettings): string[] {
  return settings.options
    .split(',')
    .map((option) => option.trim())
    .filter(Boolean);
}

/** The poll block: the question, the results so far, the latest post, and a form to vote with. */
export function pollSlate(settings: PollSettings, results: Array<{ option: string; votes: number }>, latest: SeenPost | undefined): SlateNode {
  return ui.Card(
    {},
    ui.CardHeader({ title: settings.question, description: latest ? `Latest post: ${latest.title}` : 'No post published yet' }),
    ui.CardContent(
      {},
      ui.List({}, ...results.map(({ option, votes }) => ui.Text({ value: `${option}: ${votes} vote${votes === 1 ? '' : 's'}` }))),
      ui.Divider(),
      ui.Form(
        { callbackId: 'submit' },
        ui.Select({ name: 'choice', label: 'Your vote', required: true, items: results.map(({ option }) => ({ value: option, text: option })) }),
        ui.Button({ id: 'submit', text: 'Vote', type: 'submit', variant: 'primary', callbackId: 'submit' }),
      ),
    ),
  );
}

/** The app's settings page: the question and the options. */
export function settingsSlate(settings: PollSettings): SlateNode {
  return ui.Form(
    { callbackId: 'save', defaultValues: { ...settings } },
    ui.Input({ name: 'question', label: 'Question', required: true }),
    ui.Input({ name: 'options', label: 'Options, separated by commas', required: true }),
    ui.Button({ text: 'Save', type: 'submit', variant: 'primary' }),
  );
}
