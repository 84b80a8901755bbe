// A tiny markdown renderer for catalog texts: paragraphs, `#` headings, bulleted and numbered lists,
// **bold**, *italic*, `code` and [links](https://...). It builds React elements from the text, so
// nothing the catalog says is ever interpreted as HTML; anything else shows as plain text.
import { Fragment, type ReactNode } from 'react';
import { Box, Link, Typography } from '@mui/material';

type Block =
  { kind: 'paragraph'; text: string } | { kind: 'heading'; level: number; text: string } | { kind: 'list'; ordered: boolean; start: number; items: string[] };

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*(\d{1,9})[.)]\s+(.*)$/;
const HEADING = /^(#{1,6})\s+(.*)$/;

/** Splits the text into blocks; a line that continues a list item (indented, not a new item) joins it. */
export const parseBlocks = (source: string): Block[] => {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: Extract<Block, { kind: 'list' }> | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
    if (list) blocks.push(list);
    list = null;
  };
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1].length, text: heading[2] });
    } else if (bullet || numbered) {
      const ordered = Boolean(numbered);
      const text = numbered ? numbered[2] : (bullet?.[1] ?? '');
      if (paragraph.length || (list && list.ordered !== ordered)) flush();
      list ??= { kind: 'list', ordered, start: numbered ? Number(numbered[1]) : 1, items: [] };
      list.items.push(text);
    } else if (list && /^\s+/.test(line)) {
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      if (list) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
};

// `code` first (nothing inside it is formatted), then links, **bold** and *italic*.
const INLINE = /`([^`]+)`|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)|\*\*(.+?)\*\*|(?<![\w*])\*([^*\s][^*]*?)\*(?![\w*])/g;

export const renderInline = (text: string): ReactNode[] => {
  const nodes: ReactNode[] = [];
  let last = 0;
  let key = 0;
  for (const match of text.matchAll(INLINE)) {
    const at = match.index ?? 0;
    if (at > last) nodes.push(text.slice(last, at));
    const [, code, linkText, href, bold, italic] = match;
    if (code !== undefined) {
      nodes.push(
        <Box component="code" key={key++} sx={{ px: 0.5, borderRadius: 0.5, bgcolor: 'action.hover', fontSize: '0.9em' }}>
          {code}
        </Box>,
      );
    } else if (linkText !== undefined && href !== undefined) {
      nodes.push(
        <Link key={key++} href={href} target="_blank" rel="noopener noreferrer">
          {renderInline(linkText)}
        </Link>,
      );
    } else if (bold !== undefined) {
      nodes.push(<strong key={key++}>{renderInline(bold)}</strong>);
    } else if (italic !== undefined) {
      nodes.push(<em key={key++}>{renderInline(italic)}</em>);
    }
    last = at + match[0].length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
};

export const Markdown = ({ source, testId }: { source: string; testId?: string }) => (
  <Box data-testid={testId} sx={{ '& > :first-of-type': { mt: 0 }, '& > :last-child': { mb: 0 } }}>
    {parseBlocks(source).map((block, i) => {
      switch (block.kind) {
        case 'heading':
          return (
            <Typography
              key={i}
              variant={block.level <= 2 ? 'subtitle1' : 'subtitle2'}
              component={`h${Math.min(block.level + 2, 6)}` as 'h3'}
              sx={{ mt: 2, mb: 1, fontWeight: 600 }}
            >
              {renderInline(block.text)}
            </Typography>
          );
        case 'list': {
          const List = block.ordered ? 'ol' : 'ul';
          return (
            <Typography key={i} variant="body2" component={List} start={block.ordered ? block.start : undefined} sx={{ pl: 3, my: 1 }}>
              {block.items.map((item, j) => (
                <li key={j}>{renderInline(item)}</li>
              ))}
            </Typography>
          );
        }
        case 'paragraph':
          return (
            <Typography key={i} variant="body2" component="p" sx={{ my: 1 }}>
              {renderInline(block.text).map((node, j) => (
                <Fragment key={j}>{node}</Fragment>
              ))}
            </Typography>
          );
      }
    })}
  </Box>
);
