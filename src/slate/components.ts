import { boolean, items, object, oneOf, required, string } from './prop-kinds.js';

const SIZE = oneOf('xs', 'sm', 'md', 'lg', 'xl', 'full');
const SPACING = oneOf('none', 'xs', 'sm', 'md', 'lg', 'xl');

/**
 * The components the platform renders that the SDK types, with each prop's kind and whether the component
 * holds children. The builder's factories, their prop types and the validator's checks all come from here.
 */
export const COMPONENTS = {
  Container: {
    children: true,
    props: {
      size: SIZE,
      spacing: SPACING,
      padding: SPACING,
      direction: oneOf('vertical', 'horizontal', 'vertical-reverse', 'horizontal-reverse', 'grid'),
      alignment: object,
      shrink: boolean,
    },
  },
  Text: { children: false, props: { value: required(string), format: oneOf('text', 'markdown', 'html'), size: SIZE } },
  Button: {
    children: false,
    props: {
      text: required(string),
      callbackId: string,
      type: oneOf('button', 'submit'),
      variant: oneOf('primary', 'secondary', 'outline', 'basic', 'danger'),
      size: oneOf('xs', 'sm', 'md', 'lg'),
      fullWidth: boolean,
      disabled: boolean,
      autoDisabled: boolean,
      leadingIcon: string,
      trailingIcon: string,
    },
  },
  Card: { children: true, props: {} },
  'Card.Header': { children: false, props: { title: required(string), description: string } },
  'Card.Content': { children: true, props: {} },
  Form: { children: true, props: { callbackId: required(string), defaultValues: object } },
  Input: {
    children: false,
    props: {
      name: required(string),
      label: string,
      placeholder: string,
      helperText: string,
      type: oneOf('text', 'email', 'number', 'password', 'url'),
      required: boolean,
      disabled: boolean,
      value: string,
    },
  },
  Select: {
    children: false,
    props: { name: required(string), items: required(items), label: string, placeholder: string, helperText: string, required: boolean, value: string },
  },
  Toggle: { children: false, props: { name: required(string), label: string, helperText: string, checked: boolean, disabled: boolean } },
  Alert: { children: false, props: { title: required(string), status: oneOf('success', 'error', 'warning', 'info', 'neutral'), description: string } },
  Divider: { children: false, props: { padding: SPACING } },
  Image: { children: false, props: { url: required(string), alt: string, size: SIZE } },
  Link: { children: false, props: { href: required(string), text: required(string), external: boolean } },
  List: { children: true, props: { spacing: SPACING } },
} as const;

/** The name of a component the SDK types, as a slate block's `name` carries it. */
export type ComponentName = keyof typeof COMPONENTS;

/** Whether a name is one of the typed components; own keys only, so `constructor` is not one. */
export function isComponentName(name: string): name is ComponentName {
  return Object.hasOwn(COMPONENTS, name);
}
