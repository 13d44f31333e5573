import Testing

@testable import ShinchokuCore

@Suite struct FolderSearchTests {
  func search(_ environment: [String: String], existing: Set<String>, exe: String? = "/opt/x/bin")
    -> FolderSearch
  {
    FolderSearch(
      environment: environment, executableDirectory: exe, isDirectory: { existing.contains($0) })
  }

  @Test func theThemesAreLookedForInTheDocumentedOrder() {
    let environment = [
      "HOME": "/home/u", "XDG_DATA_HOME": "/xdg/home", "XDG_DATA_DIRS": "/xdg/a:/xdg/b",
    ]
    let places = [
      "Themes", "/xdg/home/shinchoku/themes", "/xdg/a/shinchoku/themes",
      "/xdg/b/shinchoku/themes", "/opt/x/share/shinchoku/themes",
    ]
    #expect(search(environment, existing: []).searched(.themes) == places)
    // Each place wins over every later one, whichever of the later ones exist.
    for (index, place) in places.enumerated() {
      let existing = Set(places[index...])
      #expect(search(environment, existing: existing).folder(.themes) == place)
    }
    // None exists: the first, whose error then lists the places.
    #expect(search(environment, existing: []).folder(.themes) == "Themes")
  }

  @Test func theDataIsLookedForInTheDocumentedOrder() {
    let environment = ["HOME": "/home/u", "XDG_DATA_DIRS": "/xdg/a"]
    #expect(
      search(environment, existing: []).searched(.data) == [
        "Data", "/home/u/.local/share/shinchoku/data",
      ], "XDG_DATA_HOME defaults to ~/.local/share; XDG_DATA_DIRS is not for data")
    #expect(
      search(environment, existing: ["/home/u/.local/share/shinchoku/data"]).folder(.data)
        == "/home/u/.local/share/shinchoku/data")
    #expect(
      search(environment, existing: ["Data", "/home/u/.local/share/shinchoku/data"]).folder(.data)
        == "Data")
  }

  @Test func ourVariablesNameTheFolderOutright() {
    let environment = ["SHINCHOKU_DATA": "/d", "SHINCHOKU_THEMES": "/t", "HOME": "/home/u"]
    let found = search(environment, existing: ["Data", "Themes"])
    #expect(found.folder(.data) == "/d" && found.folder(.themes) == "/t")
    #expect(found.searched(.themes) == ["/t"])
    // Empty is unset.
    let empty = search(["SHINCHOKU_DATA": "", "HOME": "/home/u"], existing: ["Data"])
    #expect(empty.folder(.data) == "Data")
  }

  @Test func xdgDefaultsAndRelativePaths() {
    // Defaults: ~/.local/share and /usr/local/share:/usr/share; relative entries are ignored.
    let places = search(
      ["HOME": "/home/u", "XDG_DATA_HOME": "rel", "XDG_DATA_DIRS": "rel:"], existing: [], exe: nil
    ).searched(.themes)
    #expect(
      places == [
        "Themes", "/home/u/.local/share/shinchoku/themes", "/usr/local/share/shinchoku/themes",
        "/usr/share/shinchoku/themes",
      ])
    // An install in /usr finds /usr/share through XDG_DATA_DIRS already: it is listed once.
    let usr = search([:], existing: [], exe: "/usr/bin").searched(.themes)
    #expect(usr == ["Themes", "/usr/local/share/shinchoku/themes", "/usr/share/shinchoku/themes"])
  }
}
