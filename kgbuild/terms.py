"""pyoxigraph terms as rdflib terms, for the places that hand pyoxigraph data to rdflib tools
(pySHACL, the actor KB's rdflib graph).

>>> import pyoxigraph as ox
>>> to_rdflib(ox.Literal("x"))  # plain literals stay without a datatype, as rdflib parses them
rdflib.term.Literal('x')
"""
from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

__all__ = ["to_rdflib"]

_PLAIN = ("http://www.w3.org/2001/XMLSchema#string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString")


def to_rdflib(term: object) -> Any:
    """The rdflib term for a pyoxigraph named node, blank node or literal.

    :raises TypeError: an RDF-star triple term.
    """
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype in _PLAIN else URIRef(datatype))
    raise TypeError(f"cannot convert RDF-star term {term!r}")
