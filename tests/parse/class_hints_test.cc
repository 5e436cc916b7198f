// Tests parse/class_hints.cc: verdicts on class and id names.
#include "parse/class_hints.h"

#include <catch2/catch.hpp>

namespace dealwatch {
namespace {

TEST_CASE("Class and id names give boilerplate, unlikely or content verdicts", "[parse]") {
  struct Case {
    const char* names;
    int hint;
    bool strong;
  };
  const Case cases[] = {
      {"article-body", kHintContent, false},
      {"story-content main", kHintContent, false},
      {"post-body entry", kHintContent, false},
      {"share-bar", kHintBoilerplate, true},
      {"comments-area", kHintBoilerplate, true},
      {"related-stories", kHintBoilerplate, true},
      {"cookie-banner", kHintBoilerplate, true},
      {"newsletter-signup", kHintBoilerplate, true},
      {"site-footer", kHintBoilerplate, true},
      {"breadcrumb", kHintBoilerplate, true},
      {"recommend-list", kHintBoilerplate, true},
      {"most-popular", kHintBoilerplate, true},
      {"sidebar", kHintBoilerplate, false},
      {"main-menu", kHintBoilerplate, false},
      {"ad-slot", kHintBoilerplate, false},
      {"nav top", kHintBoilerplate, false},
      {"hot list", kHintBoilerplate, false},
      {"xgyd", kHintBoilerplate, true},
      {"article-meta", kHintUnlikely, false},
      {"entry-date", kHintUnlikely, false},
      {"header", kHintUnlikely, false},
      {"lead-image", 0, false},
      {"shadow load", 0, false},
      {"", 0, false},
  };
  for (const Case& c : cases) {
    INFO(c.names);
    ClassVerdict v = ClassIdVerdict(c.names);
    CHECK(v.hint == c.hint);
    CHECK(v.strong == c.strong);
  }
}

TEST_CASE("Names of wrappers keep a content word beside furniture words", "[parse]") {
  CHECK(ClassIdVerdict("content-with-sidebar-wrap").content_word);
  CHECK(ClassIdVerdict("box article modal-enabled").content_word);
  CHECK_FALSE(ClassIdVerdict("sidebar").content_word);
}

TEST_CASE("Embedded posts are never boilerplate", "[parse]") {
  ClassVerdict v = ClassIdVerdict("social-media-embed");
  CHECK(v.hint == 0);
  CHECK(v.content_word);
  CHECK(ClassIdVerdict("twitter-tweet").hint == 0);
}

TEST_CASE("Hidden classes are whole words", "[parse]") {
  CHECK(HasHiddenClass("hidden"));
  CHECK(HasHiddenClass("foo sr-only"));
  CHECK(HasHiddenClass("visually-hidden bar"));
  CHECK_FALSE(HasHiddenClass("hidden-xs"));
  CHECK_FALSE(HasHiddenClass("unhidden"));
}

}  // namespace
}  // namespace dealwatch
