// What both pages build their DOM with, loaded before each page's own script: $ finds an element by id, el makes
// one with attributes (onclick becomes a listener) and children (text is never parsed as HTML).
'use strict';

const $ = (id) => document.getElementById(id);

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (name === 'onclick') node.addEventListener('click', value); else node.setAttribute(name, value);
  });
  children.flat().forEach((child) => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return node;
}
