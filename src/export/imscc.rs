//! An IMS Thin Common Cartridge 1.3 (a `.imscc` zip) of an [`outline`]:
//! `imsmanifest.xml` with the one organization the profile allows, its
//! folders as items, and each link as an `imswl_xmlv1p3` web-link resource
//! in a file of its own (`weblinks/L1.xml`). The XML is written by
//! quick-xml's writer (escaping is its), the zip by the zip crate, deflated,
//! every entry dated 1980-01-01 so the same site gives the same bytes.
//!
//! [`outline`]: super::outline

use super::Node;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use std::io::{self, Write};

/// The manifest's namespace (CC 1.3's profile of IMS CP 1.2).
const CP: &str = "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1";
/// The manifest's LOM metadata.
const LOM: &str = "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest";
/// A web link's namespace.
const WL: &str = "http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3";
const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// The cartridge's files, in the order the zip holds them: the manifest,
/// then each web link.
pub fn files(title: &str, outline: &[Node]) -> io::Result<Vec<(String, Vec<u8>)>> {
    let mut links: Vec<(&str, &str)> = Vec::new();
    collect(outline, &mut links);
    let mut out = vec![(
        "imsmanifest.xml".to_string(),
        manifest(title, outline, &links)?,
    )];
    for (n, (title, url)) in links.iter().enumerate() {
        out.push((link_file(n), web_link(title, url)?));
    }
    Ok(out)
}

/// The cartridge as a zip's bytes.
pub fn cartridge(title: &str, outline: &[Node]) -> io::Result<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (path, bytes) in files(title, outline)? {
        zip.start_file(path, options).map_err(io::Error::other)?;
        zip.write_all(&bytes)?;
    }
    Ok(zip.finish().map_err(io::Error::other)?.into_inner())
}

/// Each distinct page once (a session of two years is one resource, linked
/// from both years' folders), in outline order.
fn collect<'a>(nodes: &'a [Node], links: &mut Vec<(&'a str, &'a str)>) {
    for node in nodes {
        match node {
            Node::Folder { children, .. } => collect(children, links),
            Node::Link { title, url } => {
                if !links.iter().any(|(_, u)| u == url) {
                    links.push((title, url));
                }
            }
        }
    }
}

/// The resource id of the `n`th link, e.g. `L1`.
fn resource_id(n: usize) -> String {
    format!("L{}", n + 1)
}

/// Where the `n`th link's file is in the zip.
fn link_file(n: usize) -> String {
    format!("weblinks/{}.xml", resource_id(n))
}

fn writer() -> io::Result<Writer<Vec<u8>>> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    Ok(w)
}

fn text(w: &mut Writer<Vec<u8>>, name: &str, value: &str) -> io::Result<()> {
    w.create_element(name)
        .write_text_content(BytesText::new(value))?;
    Ok(())
}

fn manifest(title: &str, outline: &[Node], links: &[(&str, &str)]) -> io::Result<Vec<u8>> {
    let mut w = writer()?;
    let locations = format!(
        "{CP} http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imscp_v1p2_v1p0.xsd \
         {LOM} http://www.imsglobal.org/profile/cc/ccv1p3/LOM/ccv1p3_lommanifest_v1p0.xsd"
    );
    w.create_element("manifest")
        .with_attributes([
            ("identifier", "cairn-cartridge"),
            ("xmlns", CP),
            ("xmlns:lomimscc", LOM),
            ("xmlns:xsi", XSI),
            ("xsi:schemaLocation", locations.as_str()),
        ])
        .write_inner_content(|w| {
            w.create_element("metadata").write_inner_content(|w| {
                text(w, "schema", "IMS Thin Common Cartridge")?;
                text(w, "schemaversion", "1.3.0")?;
                w.create_element("lomimscc:lom").write_inner_content(|w| {
                    w.create_element("lomimscc:general")
                        .write_inner_content(|w| {
                            w.create_element("lomimscc:title")
                                .write_inner_content(|w| text(w, "lomimscc:string", title))?;
                            Ok(())
                        })?;
                    Ok(())
                })?;
                Ok(())
            })?;
            w.create_element("organizations").write_inner_content(|w| {
                w.create_element("organization")
                    .with_attributes([
                        ("identifier", "organization"),
                        ("structure", "rooted-hierarchy"),
                    ])
                    .write_inner_content(|w| {
                        w.create_element("item")
                            .with_attribute(("identifier", "root"))
                            .write_inner_content(|w| {
                                let mut next = 0;
                                items(w, outline, links, &mut next)
                            })?;
                        Ok(())
                    })?;
                Ok(())
            })?;
            w.create_element("resources").write_inner_content(|w| {
                for n in 0..links.len() {
                    w.create_element("resource")
                        .with_attributes([
                            ("identifier", resource_id(n).as_str()),
                            ("type", "imswl_xmlv1p3"),
                        ])
                        .write_inner_content(|w| {
                            w.create_element("file")
                                .with_attribute(("href", link_file(n).as_str()))
                                .write_empty()?;
                            Ok(())
                        })?;
                }
                Ok(())
            })?;
            Ok(())
        })?;
    Ok(w.into_inner())
}

/// The organization's items: a folder is an item holding items, a link an
/// item pointing at its web-link resource. Ids `I1`, `I2`... in order.
fn items(
    w: &mut Writer<Vec<u8>>,
    nodes: &[Node],
    links: &[(&str, &str)],
    next: &mut usize,
) -> io::Result<()> {
    for node in nodes {
        *next += 1;
        let id = format!("I{next}");
        match node {
            Node::Folder { title, children } => {
                w.create_element("item")
                    .with_attribute(("identifier", id.as_str()))
                    .write_inner_content(|w| {
                        text(w, "title", title)?;
                        items(w, children, links, next)
                    })?;
            }
            Node::Link { title, url } => {
                let n = links.iter().position(|(_, u)| u == url).unwrap_or(0);
                w.create_element("item")
                    .with_attributes([
                        ("identifier", id.as_str()),
                        ("identifierref", resource_id(n).as_str()),
                    ])
                    .write_inner_content(|w| text(w, "title", title))?;
            }
        }
    }
    Ok(())
}

/// One web link's file: its title and URL, opened in a new window.
fn web_link(title: &str, url: &str) -> io::Result<Vec<u8>> {
    let mut w = writer()?;
    w.create_element("webLink")
        .with_attributes([
            ("xmlns", WL),
            ("xmlns:xsi", XSI),
            (
                "xsi:schemaLocation",
                format!("{WL} http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imswl_v1p3.xsd")
                    .as_str(),
            ),
        ])
        .write_inner_content(|w| {
            text(w, "title", title)?;
            w.create_element("url")
                .with_attributes([("href", url), ("target", "_blank")])
                .write_empty()?;
            Ok(())
        })?;
    Ok(w.into_inner())
}
