import { describe, expectTypeOf, it } from 'vitest';
import { ui, type NodeProps, type SlateNode } from '../../src/slate/index.js';

describe('slate builder types', () => {
  it('types each component by its props', () => {
    expectTypeOf(ui.Button({ text: 'Save', callbackId: 'save', variant: 'primary' })).toEqualTypeOf<SlateNode<'Button'>>();
    expectTypeOf<NodeProps<'Alert'>['status']>().toEqualTypeOf<'success' | 'error' | 'warning' | 'info' | 'neutral' | undefined>();
    expectTypeOf<NodeProps<'Select'>['items']>().toEqualTypeOf<Array<{ value: string; text: string }>>();
    expectTypeOf(ui.Divider()).toEqualTypeOf<SlateNode<'Divider'>>();
  });

  it('refuses wrong props for a component', () => {
    // @ts-expect-error a Button's text is a string
    ui.Button({ text: 1 });
    // @ts-expect-error a Button needs its text
    ui.Button({ callbackId: 'save' });
    // @ts-expect-error a Text has no callbackId
    ui.Text({ value: 'x', callbackId: 'save' });
    // @ts-expect-error a variant the platform does not know
    ui.Button({ text: 'x', variant: 'fancy' });
    // @ts-expect-error a Form needs the callbackId its submit is sent with
    ui.Form({}, ui.Input({ name: 'title' }));
  });

  it('refuses children for a leaf component', () => {
    // @ts-expect-error a Text holds no children
    ui.Text({ value: 'x' }, ui.Divider());
  });
});
