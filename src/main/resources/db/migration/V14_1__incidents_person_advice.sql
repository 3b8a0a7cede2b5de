-- Item 5 of the notice to persons (Reg. A-2.1, r. 3.1, s. 5): the measures the organization suggests the persons take.
ALTER TABLE incident ADD COLUMN person_advice VARCHAR(2000);
