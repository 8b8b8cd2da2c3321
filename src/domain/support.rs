//! Customer service hours: the phone is answered on weekdays between two times on the shop's
//! clock; the help centre says whether it is open now and, if not, when it opens.

use chrono::{Datelike, Duration, NaiveDateTime, NaiveTime, Weekday};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhoneHours {
    pub opens: NaiveTime,
    pub closes: NaiveTime,
}

impl PhoneHours {
    /// From `HH:MM` times; `None` unless it opens before it closes.
    pub fn parse(opens: &str, closes: &str) -> Option<PhoneHours> {
        let t = |s: &str| NaiveTime::parse_from_str(s.trim(), "%H:%M").ok();
        let (opens, closes) = (t(opens)?, t(closes)?);
        (opens < closes).then_some(PhoneHours { opens, closes })
    }

    /// Whether the phone is answered at `at` (the shop's wall-clock time).
    pub fn is_open(&self, at: NaiveDateTime) -> bool {
        weekday(at) && at.time() >= self.opens && at.time() < self.closes
    }

    /// When it next opens after `at` (while it is closed).
    pub fn next_opening(&self, at: NaiveDateTime) -> NaiveDateTime {
        let mut day = at.date();
        if at.time() >= self.opens {
            day += Duration::days(1);
        }
        while matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            day += Duration::days(1);
        }
        day.and_time(self.opens)
    }
}

fn weekday(at: NaiveDateTime) -> bool {
    !matches!(at.weekday(), Weekday::Sat | Weekday::Sun)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn open_on_weekdays_between_its_times() {
        let hours = PhoneHours::parse("08:00", "18:00").unwrap();
        // Thursday 3 December 2026; Saturday the 5th.
        let cases = [
            ("2026-12-03 07:59", false, "2026-12-03 08:00"),
            ("2026-12-03 08:00", true, ""),
            ("2026-12-03 17:59", true, ""),
            ("2026-12-03 18:00", false, "2026-12-04 08:00"),
            ("2026-12-04 19:30", false, "2026-12-07 08:00"),
            ("2026-12-05 10:00", false, "2026-12-07 08:00"),
            ("2026-12-06 07:00", false, "2026-12-07 08:00"),
        ];
        for (now, open, next) in cases {
            assert_eq!(hours.is_open(at(now)), open, "{now}");
            if !open {
                assert_eq!(hours.next_opening(at(now)), at(next), "{now}");
            }
        }
        assert_eq!(PhoneHours::parse("18:00", "08:00"), None);
        assert_eq!(PhoneHours::parse("8", "18:00"), None);
    }
}
