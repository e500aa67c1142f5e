// The scenario editor: a textarea with a line-number gutter;
// problems marked at their line and listed in the CLI's words.
import { formatIssue, type InputIssue } from '../../src/issues/issue.js';
import { byId, h } from './dom.js';

interface Editor {
  text(): string;
  setText(text: string): void;
  showIssues(issues: readonly InputIssue[]): void;
}

export function createEditor(onInput: () => void): Editor {
  const area = byId<HTMLTextAreaElement>('scenario-text');
  const gutter = byId('gutter-lines');
  const marks = byId('marks');
  const list = byId('issues');
  const summary = byId('issues-summary');
  let errorLines = new Set<number>();

  const scroll = () => {
    gutter.style.transform = `translateY(${-area.scrollTop}px)`;
    marks.style.transform = `translate(${-area.scrollLeft}px, ${-area.scrollTop}px)`;
  };
  const mirror = byId('mirror');
  let tops: number[] = [];
  // long lines wrap: a hidden copy of the text, line by line, tells how tall each line is, for the gutter and the marks
  const drawGutter = () => {
    const lines = area.value.split('\n');
    mirror.style.width = `${area.clientWidth}px`;
    mirror.replaceChildren(...lines.map((l) => h('div', {}, l || ' ')));
    const heights = [...mirror.children].map((c) => (c as HTMLElement).getBoundingClientRect().height);
    tops = [];
    for (let i = 0; i < heights.length; i++) tops.push(i === 0 ? 0 : tops[i - 1]! + heights[i - 1]!);
    if (gutter.childElementCount !== lines.length) {
      gutter.replaceChildren(...lines.map((_, i) => h('div', { 'data-line': i + 1 }, String(i + 1))));
    }
    [...gutter.children].forEach((el, i) => {
      (el as HTMLElement).style.height = `${heights[i]}px`;
      el.classList.toggle('error', errorLines.has(i + 1));
    });
    marks.replaceChildren(
      ...[...errorLines].map((line) => {
        const mark = h('div', { class: 'mark', 'data-line': line });
        mark.style.top = `${tops[line - 1] ?? 0}px`;
        mark.style.height = `${heights[line - 1] ?? 0}px`;
        return mark;
      }),
    );
    scroll();
  };
  new ResizeObserver(() => drawGutter()).observe(area);
  const goToLine = (line: number) => {
    const lines = area.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    area.focus();
    area.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
    area.scrollTop = Math.max(0, (tops[line - 1] ?? 0) - 2 * parseFloat(getComputedStyle(area).lineHeight));
  };

  area.addEventListener('input', () => {
    drawGutter();
    onInput();
  });
  area.addEventListener('scroll', scroll);
  return {
    text: () => area.value,
    setText(text) {
      area.value = text;
      area.scrollTop = 0;
      drawGutter();
    },
    showIssues(issues) {
      errorLines = new Set(issues.map((i) => i.line).filter((l) => l > 0));
      area.setAttribute('aria-invalid', String(issues.length > 0));
      summary.textContent =
        issues.length === 0
          ? 'No problems: the scenario runs.'
          : `${issues.length} ${issues.length === 1 ? 'problem' : 'problems'} in the scenario; ` +
            `the views show the last version that ran.`;
      summary.classList.toggle('bad', issues.length > 0);
      list.replaceChildren(
        ...issues.map((issue) =>
          h(
            'li',
            { 'data-line': issue.line || undefined },
            issue.line > 0
              ? h(
                  'button',
                  { type: 'button', class: 'line-link', 'aria-label': `Go to line ${issue.line}` },
                  `line ${issue.line}`,
                )
              : null,
            h('pre', {}, formatIssue(issue)),
          ),
        ),
      );
      for (const button of list.querySelectorAll<HTMLButtonElement>('button.line-link')) {
        button.addEventListener('click', () => goToLine(Number(button.closest('li')!.dataset.line)));
      }
      drawGutter();
    },
  };
}
