-- SELECT queries over the cd schema of cd-schema.sql, of the kinds a public SQL exercise set asks for.
-- Each starts with a comment line "-- name: what it asks" and ends with a semicolon at the end of a line.

-- all_facilities: every facility with all its columns
SELECT * FROM cd.facilities;

-- names_and_costs: names and member costs
SELECT name, membercost FROM cd.facilities;

-- charging_facilities: facilities that charge members
SELECT * FROM cd.facilities WHERE membercost > 0;

-- cheap_facilities: facilities whose member fee is under a fiftieth of the upkeep
SELECT facid, name, membercost, monthlymaintenance FROM cd.facilities
WHERE membercost > 0 AND membercost < monthlymaintenance / 50.0;

-- tennis_like: facilities with "Tennis" in their name
SELECT * FROM cd.facilities WHERE name LIKE '%Tennis%';

-- facilities_in_list: facilities 1 and 5 by id
SELECT * FROM cd.facilities WHERE facid IN (1, 5);

-- cheap_or_expensive: a label computed with CASE
SELECT name, CASE WHEN monthlymaintenance > 100 THEN 'expensive' ELSE 'cheap' END AS cost
FROM cd.facilities;

-- joined_after: members who joined from September on
SELECT memid, surname, firstname, joindate FROM cd.members WHERE joindate >= '2012-09-01';

-- distinct_surnames: the first ten surnames, without repeats
SELECT DISTINCT surname FROM cd.members ORDER BY surname LIMIT 10;

-- surnames_and_facilities: one list of surnames and facility names
SELECT surname FROM cd.members UNION SELECT name FROM cd.facilities;

-- last_join: the latest join date
SELECT max(joindate) AS latest FROM cd.members;

-- last_member: the member who joined last, by a scalar subquery
SELECT firstname, surname, joindate FROM cd.members
WHERE joindate = (SELECT max(joindate) FROM cd.members);

-- bookings_of_a_member: start times of the bookings of members named Rownam
SELECT bks.starttime FROM cd.bookings bks
INNER JOIN cd.members mems ON mems.memid = bks.memid
WHERE mems.surname = 'Rownam' AND bks.slots > 1;

-- tennis_on_a_day: tennis court bookings of one day
SELECT bks.starttime AS start, facs.name AS name
FROM cd.facilities facs INNER JOIN cd.bookings bks ON facs.facid = bks.facid
WHERE facs.name IN ('Tennis Court 2', 'Tennis Court 1')
  AND bks.starttime >= '2012-09-21' AND bks.starttime < '2012-09-22'
ORDER BY bks.starttime;

-- recommenders: members who recommended another member
SELECT DISTINCT recs.firstname AS firstname, recs.surname AS surname
FROM cd.members mems INNER JOIN cd.members recs ON recs.memid = mems.recommendedby
ORDER BY surname, firstname;

-- members_and_recommenders: every member with their recommender, if any (self-join, outer)
SELECT mems.firstname AS memfname, mems.surname AS memsname, recs.firstname AS recfname, recs.surname AS recsname
FROM cd.members mems LEFT OUTER JOIN cd.members recs ON recs.memid = mems.recommendedby
ORDER BY memsname, memfname;

-- tennis_players: members who used a tennis court (three tables)
SELECT DISTINCT mems.firstname || ' ' || mems.surname AS member, facs.name AS facility
FROM cd.members mems
INNER JOIN cd.bookings bks ON mems.memid = bks.memid
INNER JOIN cd.facilities facs ON bks.facid = facs.facid
WHERE facs.name IN ('Tennis Court 2', 'Tennis Court 1')
ORDER BY member, facility;

-- costly_bookings: bookings of one day costing more than 30, cost computed with CASE
SELECT mems.firstname || ' ' || mems.surname AS member, facs.name AS facility,
       CASE WHEN mems.memid = 0 THEN bks.slots * facs.guestcost ELSE bks.slots * facs.membercost END AS cost
FROM cd.members mems
INNER JOIN cd.bookings bks ON mems.memid = bks.memid
INNER JOIN cd.facilities facs ON bks.facid = facs.facid
WHERE bks.starttime >= '2012-09-14' AND bks.starttime < '2012-09-15'
  AND ((mems.memid = 0 AND bks.slots * facs.guestcost > 30) OR (mems.memid != 0 AND bks.slots * facs.membercost > 30))
ORDER BY cost DESC;

-- recommender_by_subquery: each member with their recommender's name from a correlated scalar subquery
SELECT DISTINCT mems.firstname || ' ' || mems.surname AS member,
       (SELECT recs.firstname || ' ' || recs.surname AS recommender FROM cd.members recs
        WHERE recs.memid = mems.recommendedby)
FROM cd.members mems
ORDER BY member;

-- costly_bookings_subquery: the costly bookings again, filtered in an outer query over a subquery
SELECT member, facility, cost FROM (
    SELECT mems.firstname || ' ' || mems.surname AS member, facs.name AS facility,
           CASE WHEN mems.memid = 0 THEN bks.slots * facs.guestcost ELSE bks.slots * facs.membercost END AS cost
    FROM cd.members mems
    INNER JOIN cd.bookings bks ON mems.memid = bks.memid
    INNER JOIN cd.facilities facs ON bks.facid = facs.facid
    WHERE bks.starttime >= '2012-09-14' AND bks.starttime < '2012-09-15') AS bookings
WHERE cost > 30
ORDER BY cost DESC;

-- facility_count: how many facilities there are
SELECT count(*) FROM cd.facilities;

-- expensive_count: how many facilities cost guests 10 or more
SELECT count(*) FROM cd.facilities WHERE guestcost >= 10;

-- recommendation_counts: how many members each member recommended
SELECT recommendedby, count(*) FROM cd.members
WHERE recommendedby IS NOT NULL
GROUP BY recommendedby
ORDER BY recommendedby;

-- slots_per_facility: total slots booked per facility
SELECT facid, sum(slots) AS total_slots FROM cd.bookings GROUP BY facid ORDER BY facid;

-- slots_per_facility_in_september: total slots per facility in one month
SELECT facid, sum(slots) AS total_slots FROM cd.bookings
WHERE starttime >= '2012-09-01' AND starttime < '2012-10-01'
GROUP BY facid
ORDER BY sum(slots);

-- slots_per_month: slots per facility and month, grouping by an output label
SELECT facid, extract(month FROM starttime) AS month, sum(slots) AS total_slots
FROM cd.bookings
WHERE extract(year FROM starttime) = 2012
GROUP BY facid, month
ORDER BY facid, month;

-- members_with_bookings: how many members made at least one booking
SELECT count(DISTINCT memid) FROM cd.bookings;

-- busy_facilities: facilities with more than 300 slots, by HAVING
SELECT facid, sum(slots) AS total_slots FROM cd.bookings
GROUP BY facid
HAVING sum(slots) > 300
ORDER BY facid;

-- revenue_per_facility: revenue per facility, cheaper first
SELECT facs.name, sum(bks.slots * CASE WHEN memid = 0 THEN facs.guestcost ELSE facs.membercost END) AS revenue
FROM cd.bookings bks INNER JOIN cd.facilities facs ON bks.facid = facs.facid
GROUP BY facs.name
ORDER BY revenue;

-- low_revenue_facilities: facilities with a revenue under 1,000, through a derived table
SELECT name, revenue FROM (
    SELECT facs.name, sum(CASE WHEN memid = 0 THEN slots * facs.guestcost ELSE slots * membercost END) AS revenue
    FROM cd.bookings bks INNER JOIN cd.facilities facs ON bks.facid = facs.facid
    GROUP BY facs.name) AS agg
WHERE revenue < 1000
ORDER BY revenue;

-- most_booked_facility: the facility with the most slots, by LIMIT
SELECT facid, sum(slots) AS total_slots FROM cd.bookings GROUP BY facid ORDER BY sum(slots) DESC, facid LIMIT 1;

-- slots_rollup: slots per facility and month with subtotals
SELECT facid, extract(month FROM starttime) AS month, sum(slots) AS slots
FROM cd.bookings
WHERE starttime >= '2012-01-01' AND starttime < '2013-01-01'
GROUP BY ROLLUP (facid, month)
ORDER BY facid, month;

-- hours_per_facility: hours booked per facility, rounded
SELECT facs.facid, facs.name, trim(to_char(sum(bks.slots) / 2.0, '9999999999999999D99')) AS total_hours
FROM cd.bookings bks INNER JOIN cd.facilities facs ON facs.facid = bks.facid
GROUP BY facs.facid, facs.name
ORDER BY facs.facid;

-- first_booking_after: each member's first booking from September on
SELECT mems.surname, mems.firstname, mems.memid, min(bks.starttime) AS starttime
FROM cd.bookings bks INNER JOIN cd.members mems ON mems.memid = bks.memid
WHERE starttime >= '2012-09-01'
GROUP BY mems.surname, mems.firstname, mems.memid
ORDER BY mems.memid;

-- members_with_total: each member's name with the member count, by a window over everything
SELECT count(*) OVER () AS total, firstname, surname FROM cd.members ORDER BY joindate;

-- numbered_members: members numbered by join date
SELECT row_number() OVER (ORDER BY joindate) AS row_number, firstname, surname FROM cd.members ORDER BY joindate;

-- top_facilities: the facilities with the most slots, ranked in a derived table
SELECT facid, total FROM (
    SELECT facid, sum(slots) AS total, rank() OVER (ORDER BY sum(slots) DESC) AS rank
    FROM cd.bookings GROUP BY facid) AS ranked
WHERE rank = 1;

-- member_hours_ranked: members ranked by hours booked
SELECT firstname, surname, ((sum(bks.slots) + 10) / 20) * 10 AS hours,
       rank() OVER (ORDER BY ((sum(bks.slots) + 10) / 20) * 10 DESC) AS rank
FROM cd.bookings bks INNER JOIN cd.members mems ON bks.memid = mems.memid
GROUP BY mems.memid, firstname, surname
ORDER BY rank, surname, firstname;

-- revenue_classes: facilities in three revenue classes by ntile
SELECT name, CASE WHEN class = 1 THEN 'high' WHEN class = 2 THEN 'average' ELSE 'low' END AS revenue
FROM (SELECT facs.name AS name,
             ntile(3) OVER (ORDER BY sum(CASE WHEN memid = 0 THEN slots * facs.guestcost
                                              ELSE slots * membercost END) DESC) AS class
      FROM cd.bookings bks INNER JOIN cd.facilities facs ON bks.facid = facs.facid
      GROUP BY facs.name) AS subq
ORDER BY class, name;

-- running_revenue: revenue per day with a running total over the previous days of the month
SELECT dategen.date, (SELECT sum(CASE WHEN memid = 0 THEN slots * facs.guestcost ELSE slots * membercost END) AS rev
                      FROM cd.bookings bks INNER JOIN cd.facilities facs ON bks.facid = facs.facid
                      WHERE bks.starttime >= dategen.date AND bks.starttime < dategen.date + interval '1 day')
FROM (SELECT cast(generate_series(timestamp '2012-08-01', '2012-08-31', '1 day') AS date) AS date) AS dategen
ORDER BY dategen.date;

-- moving_slots: slots per day and a three-day moving sum, by a window frame
SELECT day, slots, sum(slots) OVER (ORDER BY day ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS moving
FROM (SELECT date_trunc('day', starttime) AS day, sum(slots) AS slots FROM cd.bookings GROUP BY day) AS days
ORDER BY day;

-- share_of_slots: each facility's share of all slots, against a partition
SELECT facid, sum(slots) AS slots, sum(sum(slots)) OVER () AS all_slots,
       round(100.0 * sum(slots) / sum(sum(slots)) OVER (), 2) AS percent
FROM cd.bookings GROUP BY facid ORDER BY facid;

-- previous_booking: each of a member's bookings with the start of the one before, by lag
SELECT memid, starttime, lag(starttime) OVER (PARTITION BY memid ORDER BY starttime) AS previous
FROM cd.bookings WHERE memid IN (1, 2, 3) ORDER BY memid, starttime;

-- never_booked: members without any booking, by NOT EXISTS
SELECT m.memid, m.surname FROM cd.members m
WHERE NOT EXISTS (SELECT 1 FROM cd.bookings b WHERE b.memid = m.memid)
ORDER BY m.memid;

-- booked_massage: members who booked a massage room, by IN over a subquery
SELECT memid, surname FROM cd.members
WHERE memid IN (SELECT b.memid FROM cd.bookings b INNER JOIN cd.facilities f ON f.facid = b.facid
                WHERE f.name LIKE 'Massage%')
ORDER BY memid;

-- recommendation_chain: the chain of recommenders of member 27, by a recursive CTE
WITH RECURSIVE recommenders(recommender) AS (
    SELECT recommendedby FROM cd.members WHERE memid = 27
    UNION ALL
    SELECT mems.recommendedby FROM recommenders recs INNER JOIN cd.members mems ON mems.memid = recs.recommender)
SELECT recs.recommender, mems.firstname, mems.surname
FROM recommenders recs INNER JOIN cd.members mems ON recs.recommender = mems.memid
ORDER BY memid DESC;

-- recommended_by_one: every member recommended directly or indirectly by member 1, by a recursive CTE
WITH RECURSIVE recommendeds(memid) AS (
    SELECT memid FROM cd.members WHERE recommendedby = 1
    UNION ALL
    SELECT mems.memid FROM recommendeds recs INNER JOIN cd.members mems ON mems.recommendedby = recs.memid)
SELECT recs.memid, mems.firstname, mems.surname
FROM recommendeds recs INNER JOIN cd.members mems ON recs.memid = mems.memid
ORDER BY memid;

-- chain_pairs: each chain link joined to the next, a recursive CTE joined to itself
WITH RECURSIVE chain(memid, recommender, depth) AS (
    SELECT memid, recommendedby, 1 FROM cd.members WHERE recommendedby IS NOT NULL
    UNION ALL
    SELECT chain.memid, mems.recommendedby, chain.depth + 1
    FROM chain INNER JOIN cd.members mems ON mems.memid = chain.recommender
    WHERE mems.recommendedby IS NOT NULL)
SELECT a.memid, a.recommender, b.recommender AS next_recommender
FROM chain a INNER JOIN chain b ON b.memid = a.memid AND b.depth = a.depth + 1
ORDER BY a.memid, a.depth;

-- monthly_revenue_cte: revenue per month, summed in a CTE and read twice
WITH monthly AS (
    SELECT date_trunc('month', bks.starttime) AS month,
           sum(CASE WHEN bks.memid = 0 THEN bks.slots * facs.guestcost ELSE bks.slots * facs.membercost END) AS revenue
    FROM cd.bookings bks INNER JOIN cd.facilities facs ON facs.facid = bks.facid
    GROUP BY date_trunc('month', bks.starttime))
SELECT month, revenue, revenue - (SELECT avg(revenue) FROM monthly) AS against_average
FROM monthly
ORDER BY month;

-- days_in_month: the number of days in each month of 2012, by date arithmetic
SELECT extract(month FROM cal.month) AS month,
       (cal.month + interval '1 month') - cal.month AS length
FROM (SELECT generate_series(timestamp '2012-01-01', timestamp '2012-12-01', interval '1 month') AS month) AS cal
ORDER BY month;

-- days_left: days left in the month of each September booking's start
SELECT bookid, starttime,
       cast(date_trunc('month', starttime) + interval '1 month' - date_trunc('day', starttime) AS interval) AS remaining
FROM cd.bookings WHERE starttime >= '2012-09-28' ORDER BY bookid;

-- bookings_end: each booking's end, its start plus half an hour per slot
SELECT bookid, starttime, starttime + slots * interval '30 minutes' AS endtime
FROM cd.bookings ORDER BY endtime DESC, bookid LIMIT 10;

-- joined_in_july: members who joined in July, by date_trunc and a date literal
SELECT memid, joindate FROM cd.members
WHERE date_trunc('month', joindate) = date '2012-07-01'
ORDER BY memid;

-- utilisation: each facility's utilisation per month, from a join of two CTEs
WITH slots AS (
    SELECT facid, date_trunc('month', starttime) AS month, sum(slots) AS booked
    FROM cd.bookings GROUP BY facid, date_trunc('month', starttime)),
open AS (
    SELECT DISTINCT date_trunc('month', starttime) AS month FROM cd.bookings)
SELECT facs.name, open.month, round(slots.booked * 100.0 / 775, 1) AS utilisation
FROM slots INNER JOIN open ON open.month = slots.month
INNER JOIN cd.facilities facs ON facs.facid = slots.facid
ORDER BY facs.name, open.month;

-- not_recommenders: members who never recommended anyone, by EXCEPT
SELECT memid FROM cd.members EXCEPT SELECT recommendedby FROM cd.members
ORDER BY memid;

-- both_sides: facilities booked by both the guest and member 1, by INTERSECT
SELECT facid FROM cd.bookings WHERE memid = 0
INTERSECT
SELECT facid FROM cd.bookings WHERE memid = 1
ORDER BY facid;

-- name_pieces: string functions over members' names
SELECT memid, upper(surname) AS surname, substr(firstname, 1, 1) AS initial, length(address) AS address_length
FROM cd.members WHERE surname ILIKE 'b%' ORDER BY memid;

-- zip_padding: zip codes padded with zeroes, and telephones without punctuation
SELECT lpad(cast(zipcode AS char(5)), 5, '0') AS zip, translate(telephone, '-() ', '') AS telephone
FROM cd.members ORDER BY zip;

-- guest_bookings_between: the guest's bookings within a slot range, by BETWEEN and OFFSET
SELECT bookid, slots FROM cd.bookings WHERE memid = 0 AND slots BETWEEN 2 AND 3
ORDER BY bookid LIMIT 5 OFFSET 5;

-- distinct_on: each facility's first booking, by DISTINCT ON
SELECT DISTINCT ON (facid) facid, bookid, starttime FROM cd.bookings ORDER BY facid, starttime, bookid;

-- filtered_counts: guest and member bookings per facility, by aggregate FILTER
SELECT facid, count(*) FILTER (WHERE memid = 0) AS guest, count(*) FILTER (WHERE memid <> 0) AS member
FROM cd.bookings GROUP BY facid ORDER BY facid;

-- coalesced_recommender: each member's recommender id or zero
SELECT memid, coalesce(recommendedby, 0) AS recommender FROM cd.members ORDER BY memid;
